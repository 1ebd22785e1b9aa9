export {
  DefaultAuditorService,
  type DefaultAuditorServiceOptions,
} from './DefaultAuditorService.js';
export {
  DEFAULT_SEVERITY_LOG_LEVEL_MAPPINGS,
  readSeverityLogLevelMappings,
  type SeverityLogLevelMappings,
} from './readSeverityLogLevelMappings.js';
export { AuditorError, type AuditorErrorCode } from './auditorErrors.js';
export { auditorServiceFactory } from './auditorServiceFactory.js';
