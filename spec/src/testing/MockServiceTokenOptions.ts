import type { BackstageCredentials } from '../credentials/BackstageCredentials.js';

/**
 * Options of `mockCredentials.service.token` and `.header`: whom the mock service token is on
 * behalf of and which plugin it targets.
 *
 * **When to use**: to build the token a plugin would send to another plugin in a test.
 *
 * @requirement TEST-137
 * @see {@link MockCredentials}
 * @category testing
 * @since 0.1.0
 */
export interface MockServiceTokenOptions {
  /** The credentials the token is issued on behalf of. */
  onBehalfOf: BackstageCredentials;
  /** The plugin that receives the token. */
  targetPluginId: string;
}
