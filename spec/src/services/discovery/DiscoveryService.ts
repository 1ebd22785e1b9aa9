/**
 * The `discovery` service (`core.discovery`, plugin scope): where a plugin's HTTP API can be
 * reached.
 *
 * **When to use**: right before each request to another plugin, to learn its base URL. Do not
 * cache the result: the answer may change between calls.
 *
 * **Details**: both methods return a URL without a trailing slash, such as
 * `http://localhost:7007/api/catalog`. The internal URL is for calls between backends; the
 * external URL is reachable from outside, by browsers and webhooks.
 *
 * @requirement DISC-001
 * @requirement DISC-007
 * @requirement DISC-008
 * @requirement DISC-010
 * @requirement DISC-011
 * @category services
 * @since 0.1.0
 */
export interface DiscoveryService {
  /**
   * The internal base URL of `pluginId`'s API.
   *
   * @requirement DISC-002
   * @requirement DISC-004
   * @requirement DISC-005
   * @requirement DISC-006
   */
  getBaseUrl: (pluginId: string) => Promise<string>;
  /**
   * The externally reachable base URL of `pluginId`'s API.
   *
   * @requirement DISC-003
   * @requirement DISC-004
   * @requirement DISC-005
   * @requirement DISC-006
   * @requirement DISC-009
   */
  getExternalBaseUrl: (pluginId: string) => Promise<string>;
}
