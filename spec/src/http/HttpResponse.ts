/**
 * An outgoing HTTP response, as far as this specification needs to describe it.
 *
 * **When to use**: the response passed to `httpAuth.issueUserCookie` and to route handlers.
 *
 * **Details**: at run time this is the response object of the runtime's HTTP framework, an
 * express `Response` (a Node `ServerResponse`) for Backstage-compatible runtimes.
 *
 * @see {@link HttpRequest}
 * @category services
 * @since 0.1.0
 */
export interface HttpResponse {
  /** The status code that is or will be sent. */
  statusCode: number;
  /** Whether the headers have already been sent. */
  headersSent: boolean;
}
