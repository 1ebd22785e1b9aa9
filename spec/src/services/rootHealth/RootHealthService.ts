import type { RootHealthServiceResponse } from './RootHealthServiceResponse.js';

/**
 * The `rootHealth` service (`core.rootHealth`, root scope): the backend's liveness and readiness.
 *
 * **When to use**: replace it to change what the health endpoints report; the root HTTP router
 * serves its answers.
 *
 * **Details**: by default the backend is live whenever it runs, and ready between the end of
 * startup and the beginning of shutdown.
 *
 * @requirement HLTH-001
 * @see {@link RootHealthServiceResponse}
 * @category services
 * @since 0.1.0
 */
export interface RootHealthService {
  /**
   * Whether the process is alive.
   *
   * @requirement HLTH-002
   */
  getLiveness: () => Promise<RootHealthServiceResponse>;
  /**
   * Whether the backend is ready to serve traffic.
   *
   * @requirement HLTH-002
   */
  getReadiness: () => Promise<RootHealthServiceResponse>;
}
