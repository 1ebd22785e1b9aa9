export { httpAuthServiceFactory } from './httpAuthServiceFactory.js';
export {
  DefaultHttpAuthService,
  type DefaultHttpAuthServiceOptions,
} from './DefaultHttpAuthService.js';
export { HttpAuthServiceError, type HttpAuthErrorCode } from './HttpAuthServiceError.js';
export { checkAllowedPrincipal } from './checkAllowedPrincipal.js';
export { createCookieRouter, COOKIE_PATH } from './createCookieRouter.js';
export { readBearerToken, readCookieToken, USER_COOKIE_NAME } from './readRequestTokens.js';
