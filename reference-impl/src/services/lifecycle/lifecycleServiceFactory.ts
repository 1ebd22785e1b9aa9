import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultLifecycleService } from './DefaultLifecycleService.js';

/** The default `core.lifecycle` factory: one lifecycle per plugin. */
export const lifecycleServiceFactory = createServiceFactory({
  service: coreServices.lifecycle,
  deps: { logger: coreServices.rootLogger, pluginMetadata: coreServices.pluginMetadata },
  factory: ({ logger, pluginMetadata }) =>
    new DefaultLifecycleService(
      logger.child({ plugin: pluginMetadata.getId(), service: 'lifecycle' }),
      pluginMetadata.getId(),
    ),
});
