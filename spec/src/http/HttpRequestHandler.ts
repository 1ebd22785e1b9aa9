import type { HttpNextFunction } from './HttpNextFunction.js';
import type { HttpRequest } from './HttpRequest.js';
import type { HttpResponse } from './HttpResponse.js';

/**
 * A request handler or router of the runtime's HTTP framework, such as an express `Router`.
 *
 * **When to use**: what plugins pass to `httpRouter.use` and what services pass to
 * `rootHttpRouter.use`.
 *
 * **Details**: the handler's parameters are compared in both directions, so an express router,
 * whose parameters are express's richer request and response types, is accepted as a handler, and
 * a handler written against {@link HttpRequest} is accepted where express expects one. Two
 * devices achieve this. The call signature comes from a method declaration, whose parameters the
 * compiler compares bivariantly. The optional brand property keeps the compiler from treating the
 * type as a bare callback, which would compare the parameters in one direction only. Callback
 * members of service interfaces stay function-typed properties; only the framework's own objects
 * get this treatment.
 *
 * @requirement HTTP-002
 * @requirement RHTTP-002
 * @requirement RHTTP-003
 * @see {@link HttpRouterService}
 * @see {@link RootHttpRouterService}
 * @category services
 * @since 0.1.0
 */
export type HttpRequestHandler = {
  /** Handles a request, or passes it on with `next()`. */
  handle(req: HttpRequest, res: HttpResponse, next: HttpNextFunction): unknown;
}['handle'] & {
  /** Never set; only distinguishes this type from a bare callback for the compiler. */
  readonly __httpRequestHandler?: never;
};
