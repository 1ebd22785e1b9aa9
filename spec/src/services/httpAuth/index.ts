export type { HttpAuthService } from './HttpAuthService.js';
export type { HttpAuthServiceCredentialsOptions } from './HttpAuthServiceCredentialsOptions.js';
export type { HttpAuthServiceIssueUserCookieOptions } from './HttpAuthServiceIssueUserCookieOptions.js';
