export {
  DefaultPermissionsRegistryService,
  type RegisteredResourceType,
} from './DefaultPermissionsRegistryService.js';
export {
  createPermissionIntegrationRouter,
  PERMISSIONS_WELL_KNOWN_PATH,
} from './createPermissionIntegrationRouter.js';
export {
  applyConditions,
  parseApplyConditionsBody,
  type ApplyConditionsItem,
} from './applyConditions.js';
export { paramsJsonSchema, validateRuleParams } from './ruleParamsSchema.js';
export {
  PermissionsRegistryError,
  type PermissionsRegistryErrorCode,
} from './permissionsRegistryErrors.js';
export { permissionsRegistryServiceFactory } from './permissionsRegistryServiceFactory.js';
