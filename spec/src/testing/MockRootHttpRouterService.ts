import type { HttpRequestHandler } from '../http/HttpRequestHandler.js';
import type { RootHttpRouterService } from '../services/rootHttpRouter/RootHttpRouterService.js';

/**
 * The fake of `mockServices.rootHttpRouter`: records the routes it is given.
 *
 * **When to use**: to test what a root-scoped service mounts.
 *
 * @requirement TEST-088
 * @see {@link MockServices}
 * @category testing
 * @since 0.1.0
 */
export type MockRootHttpRouterService = RootHttpRouterService & {
  /** Every `use(path, handler)` call, in call order. */
  routes: Array<{ path: string; handler: HttpRequestHandler }>;
};
