import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultRootLifecycleService } from './DefaultRootLifecycleService.js';

/** The default `core.rootLifecycle` factory. */
export const rootLifecycleServiceFactory = createServiceFactory({
  service: coreServices.rootLifecycle,
  deps: { logger: coreServices.rootLogger },
  factory: ({ logger }) =>
    new DefaultRootLifecycleService(logger.child({ service: 'rootLifecycle' })),
});
