export {
  DefaultPermissionsService,
  type DefaultPermissionsServiceOptions,
} from './DefaultPermissionsService.js';
export { decideForService } from './decideForService.js';
export { parseAuthorizeAnswer } from './parseAuthorizeAnswer.js';
export { PermissionsError, type PermissionsErrorCode } from './permissionsErrors.js';
export { permissionsServiceFactory } from './permissionsServiceFactory.js';
