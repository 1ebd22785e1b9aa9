/**
 * The HTTP server of a test backend, as far as this specification describes it.
 *
 * **When to use**: read `backend.server` to send requests, for example with supertest, or to
 * learn the port.
 *
 * **Details**: at run time this is a Node `http.Server` (Backstage's `ExtendedHttpServer`);
 * the specification only requires `port()`.
 *
 * @requirement TEST-006
 * @see {@link TestBackend}
 * @category testing
 * @since 0.1.0
 */
export interface TestHttpServer {
  /** The port the server listens on. */
  port: () => number;
}
