import type { HttpHeaders } from './HttpHeaders.js';

/**
 * An incoming HTTP request, as far as this specification needs to describe it.
 *
 * **When to use**: the request passed to `httpAuth.credentials`, to route handlers and to audit
 * events.
 *
 * **Details**: at run time this is the request object of the runtime's HTTP framework: for
 * Backstage-compatible runtimes an express `Request`, which extends Node's `IncomingMessage`.
 * The specification names only the members it relies on and does not depend on express's types.
 * Members that take a request are declared so that the framework's richer request type is
 * accepted where this one is expected and the other way round; see {@link HttpRequestHandler}.
 *
 * @see {@link HttpResponse}
 * @see {@link HttpRequestHandler}
 * @category services
 * @since 0.1.0
 */
export interface HttpRequest {
  /** The HTTP method, such as `GET`. */
  method?: string;
  /** The request URL path and query, relative to where the handler is mounted. */
  url?: string;
  /** The request headers. */
  headers: HttpHeaders;
}
