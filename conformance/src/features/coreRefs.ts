import { serviceRef } from './serviceRef.js';

/** Refs of the core services the runtime suites use, by id and scope only. */
export const coreRefs = {
  rootConfig: serviceRef({ id: 'core.rootConfig', scope: 'root' }),
  rootLogger: serviceRef({ id: 'core.rootLogger', scope: 'root' }),
  logger: serviceRef({ id: 'core.logger', scope: 'plugin' }),
  rootLifecycle: serviceRef({ id: 'core.rootLifecycle', scope: 'root' }),
  lifecycle: serviceRef({ id: 'core.lifecycle', scope: 'plugin' }),
  pluginMetadata: serviceRef({ id: 'core.pluginMetadata', scope: 'plugin' }),
  rootInstanceMetadata: serviceRef({ id: 'core.rootInstanceMetadata', scope: 'root' }),
};
