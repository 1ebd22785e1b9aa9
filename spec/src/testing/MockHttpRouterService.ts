import type { HttpRequestHandler } from '../http/HttpRequestHandler.js';
import type { HttpRouterService } from '../services/httpRouter/HttpRouterService.js';
import type { HttpRouterServiceAuthPolicy } from '../services/httpRouter/HttpRouterServiceAuthPolicy.js';

/**
 * The fake of `mockServices.httpRouter`: records the handlers and auth policies it is given.
 *
 * **When to use**: to test a plugin's routes without a server, by taking them from `handlers`.
 *
 * @requirement TEST-087
 * @see {@link MockServices}
 * @category testing
 * @since 0.1.0
 */
export type MockHttpRouterService = HttpRouterService & {
  /** Every handler passed to `use`, in call order. */
  handlers: HttpRequestHandler[];
  /** Every policy passed to `addAuthPolicy`, in call order. */
  authPolicies: HttpRouterServiceAuthPolicy[];
};
