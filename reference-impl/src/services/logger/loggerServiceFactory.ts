import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';

/**
 * The default `core.logger` factory: the root logger's child with `plugin: <pluginId>`
 * (LOG-002, LOG-044). It depends on the ref, not on a class, so a replaced root logger is the
 * one plugin loggers derive from (LOG-045).
 */
export const loggerServiceFactory = createServiceFactory({
  service: coreServices.logger,
  deps: { rootLogger: coreServices.rootLogger, pluginMetadata: coreServices.pluginMetadata },
  factory: ({ rootLogger, pluginMetadata }) => rootLogger.child({ plugin: pluginMetadata.getId() }),
});
