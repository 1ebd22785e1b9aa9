import type { HttpRequestHandler } from '../../http/HttpRequestHandler.js';
import type { HttpRouterServiceAuthPolicy } from './HttpRouterServiceAuthPolicy.js';

/**
 * The `httpRouter` service (`core.httpRouter`, plugin scope): the HTTP routes of one plugin.
 *
 * **When to use**: depend on `coreServices.httpRouter` and call `use` with an express router to
 * serve the plugin's API, normally under `/api/<pluginId>`.
 *
 * **Details**: requests reach the handlers only after the credentials check, unless an auth
 * policy exempts their path. Requests that arrive before the plugin has started are held until it
 * has; requests after shutdown are refused.
 *
 * @requirement HTTP-001
 * @requirement PLUG-019
 * @requirement MOD-022
 * @see {@link RootHttpRouterService}
 * @see {@link HttpRouterServiceAuthPolicy}
 * @category services
 * @since 0.1.0
 */
export interface HttpRouterService {
  /**
   * Adds a handler or router under the plugin's base path.
   *
   * @requirement HTTP-002
   * @requirement HTTP-003
   * @requirement HTTP-004
   * @requirement HTTP-005
   * @requirement HTTP-006
   */
  use: (handler: HttpRequestHandler) => void;
  /**
   * Exempts a path from the default credentials check.
   *
   * @requirement HTTP-002
   * @requirement HTTP-006
   * @requirement HTTP-007
   * @requirement HTTP-008
   */
  addAuthPolicy: (policy: HttpRouterServiceAuthPolicy) => void;
}
