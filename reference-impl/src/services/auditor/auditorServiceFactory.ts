import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { readSeverityLogLevelMappings } from './readSeverityLogLevelMappings.js';

/**
 * The default `core.auditor` factory (AUDIT-001). The severity mappings are read once per
 * backend, so an invalid one fails at construction (AUDIT-045).
 */
export const auditorServiceFactory = createServiceFactory({
  service: coreServices.auditor,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.logger,
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
    pluginMetadata: coreServices.pluginMetadata,
  },
  createRootContext: ({ config }) => readSeverityLogLevelMappings(config),
  // The implementation loads when a plugin first asks for an auditor, not with the package.
  factory: async ({ logger, auth, httpAuth, pluginMetadata }, severityLogLevelMappings) => {
    const { DefaultAuditorService } = await import('./DefaultAuditorService.js');
    return new DefaultAuditorService({
      pluginId: pluginMetadata.getId(),
      logger,
      auth,
      httpAuth,
      severityLogLevelMappings,
    });
  },
});
