export type { AuthService } from './AuthService.js';
export type { AuthServiceAuthenticateOptions } from './AuthServiceAuthenticateOptions.js';
export type { AuthServicePluginRequestTokenOptions } from './AuthServicePluginRequestTokenOptions.js';
