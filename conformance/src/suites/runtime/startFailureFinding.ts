import { hasFinding, rejects } from '../../harness/assert.js';
import type { TestBackend } from '../../harness/TestContext.js';

/**
 * Starts `backend`, which must reject during startup with an error that carries an error
 * finding of `code`, whatever the error's own code; returns that finding. Tests of the finding
 * alone use it; `preflightFinding` also requires INIT_PREFLIGHT_FAILED.
 */
export async function startFailureFinding(
  backend: TestBackend,
  code: string,
): Promise<Record<string, unknown>> {
  return hasFinding(await rejects('startup', () => backend.start()), code);
}
