export { authServiceFactory } from './authServiceFactory.js';
export { DefaultAuthService, type DefaultAuthServiceOptions } from './DefaultAuthService.js';
export { AuthServiceError, isAuthServiceError, type AuthErrorCode } from './AuthServiceError.js';
export { createCredentials } from './createCredentials.js';
export { createJwksRouter } from './createJwksRouter.js';
export { RemoteKeySets, type RemoteKeySetsOptions } from './RemoteKeySets.js';
export { readAuthSettings, type AuthSettings } from './readAuthSettings.js';
export { DatabasePluginKeyStore } from './plugin/keys/DatabasePluginKeyStore.js';
export { StaticPluginKeyStore } from './plugin/keys/StaticPluginKeyStore.js';
export type { PluginKeyStore, SigningKey } from './plugin/keys/PluginKeyStore.js';
export { PLUGIN_JWKS_PATH } from './plugin/PluginTokenHandler.js';
export type {
  ExternalTokenHandler,
  ExternalTokenHandlerInitContext,
  ExternalTokenResult,
} from './external/ExternalTokenHandler.js';
export { tokenTypes } from './tokenTypes.js';
