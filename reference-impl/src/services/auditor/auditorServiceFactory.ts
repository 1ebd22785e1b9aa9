import type { AuthService, Config, HttpAuthService, LoggerService } from '@openstage/spec';
import type { OpaqueService } from '../../authoring/coreServiceTypes.js';
import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultAuditorService } from './DefaultAuditorService.js';
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
  // The authoring API types rootConfig loosely; its instances implement the spec's Config.
  createRootContext: ({ config }) => readSeverityLogLevelMappings(config as unknown as Config),
  factory: ({ logger, auth, httpAuth, pluginMetadata }, severityLogLevelMappings) =>
    // auth, httpAuth and the result are typed opaque in the authoring API; they are the spec's services.
    new DefaultAuditorService({
      pluginId: pluginMetadata.getId(),
      logger: logger as LoggerService,
      auth: auth as unknown as AuthService,
      httpAuth: httpAuth as unknown as HttpAuthService,
      severityLogLevelMappings,
    }) as unknown as OpaqueService,
});
