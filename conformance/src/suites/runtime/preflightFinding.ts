import { hasFinding } from '../../harness/assert.js';
import type { TestBackend } from '../../harness/TestContext.js';
import { startRejectsWith } from './startRejectsWith.js';

/**
 * Starts `backend`, which must fail preflight (INIT_PREFLIGHT_FAILED) with an error finding of
 * `code`; returns that finding.
 */
export async function preflightFinding(
  backend: TestBackend,
  code: string,
): Promise<Record<string, unknown>> {
  return hasFinding(await startRejectsWith(backend, 'INIT_PREFLIGHT_FAILED'), code);
}
