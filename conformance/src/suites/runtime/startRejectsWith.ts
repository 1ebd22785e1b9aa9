import { hasCode, rejects } from '../../harness/assert.js';
import type { TestBackend } from '../../harness/TestContext.js';

/**
 * Starts `backend`, which must reject during startup with an error carrying `code`; returns
 * that error so the test can look at its fields.
 */
export async function startRejectsWith(backend: TestBackend, code: string): Promise<unknown> {
  const error = await rejects('startup', () => backend.start());
  hasCode(error, code);
  return error;
}
