import type { TestBackend } from './TestBackend.js';
import type { TestBackendOptions } from './TestBackendOptions.js';

/**
 * The signature of `startTestBackend`: creates a backend with test-friendly services, installs
 * the given features and starts it.
 *
 * **When to use**: in plugin and module tests, to run the code under test in a real backend
 * instance on a random port.
 *
 * **Details**: resolves once `start()` has resolved and rejects with its error otherwise. Test
 * backends share no state with each other unless the scenario options ask for it. When a global
 * `afterAll` exists, the backend is stopped through it.
 *
 * @example
 * ```ts
 * const backend = await startTestBackend({ features: [todoPlugin] });
 * const res = await request(backend.server).get('/api/todo/health');
 * ```
 *
 * @requirement TEST-001
 * @requirement TEST-003
 * @requirement TEST-009
 * @requirement TEST-010
 * @requirement TEST-011
 * @see {@link TestBackendOptions}
 * @see {@link TestBackend}
 * @category testing
 * @since 0.1.0
 */
export type StartTestBackend = <TExtensionPoints extends unknown[]>(
  options: TestBackendOptions<TExtensionPoints>,
) => Promise<TestBackend>;
