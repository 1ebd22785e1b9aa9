import type { TestBackend, TestBackendOptions } from '@openstage/spec';
import { createTestBackend } from './createTestBackend.js';
import type { TestServer } from './createTestRootHttpRouterFactory.js';

/**
 * Starts a backend on test-friendly defaults (TEST-001 to TEST-054): mock auth, an empty config,
 * a silent logger, the mock scheduler, and a real HTTP server on a free port. Resolves once
 * `start()` has; rejects with `start()`'s error after stopping what did start (TEST-003).
 *
 * @example
 * ```ts
 * const backend = await startTestBackend({
 *   features: [todoPlugin, mockServices.rootConfig.factory({ data: { todo: { max: 3 } } })],
 * });
 * const res = await fetch(`http://localhost:${backend.server.port()}/api/todo/items`, {
 *   headers: { authorization: mockCredentials.user.header() },
 * });
 * ```
 */
export async function startTestBackend<TExtensionPoints extends unknown[]>(
  options: TestBackendOptions<TExtensionPoints>,
): Promise<TestBackend<TestServer>> {
  const backend = createTestBackend(options);
  try {
    await backend.start();
  } catch (error) {
    // The server and databases that did start must not outlive the failed test.
    await backend.stop().catch(() => undefined);
    throw error;
  }
  return backend;
}
