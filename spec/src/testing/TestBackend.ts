import type { Backend } from '../backend/Backend.js';
import type { TestHttpServer } from './TestHttpServer.js';

/**
 * A started test backend: a backend instance plus its HTTP server.
 *
 * **When to use**: what `startTestBackend` resolves to; send requests to `server`, and call
 * `stop()` when no global `afterAll` does it.
 *
 * **Details**: the `server` getter throws when a feature replaced the test backend's root HTTP
 * router. The server type is a parameter so that callers can name Node's `http.Server`.
 *
 * @requirement TEST-005
 * @requirement TEST-006
 * @requirement TEST-007
 * @requirement TEST-008
 * @see {@link StartTestBackend}
 * @category testing
 * @since 0.1.0
 */
export interface TestBackend<TServer extends TestHttpServer = TestHttpServer> extends Backend {
  /** The test backend's HTTP server. */
  readonly server: TServer;
}
