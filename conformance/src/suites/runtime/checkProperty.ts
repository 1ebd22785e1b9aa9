import fc from 'fast-check';
import { ok } from '../../harness/assert.js';
import type { TestContext } from '../../harness/TestContext.js';

export interface CheckPropertyOptions<Ts> {
  /** The most runs the property affords; the context's `numRuns` applies when lower. */
  maxRuns: number;
  /** fast-check `interruptAfterTimeLimit`, kept below the test's own timeout. */
  interruptAfterTimeLimit: number;
  /** The failure message for a counterexample; the default names the replay path. */
  describeFailure?: (details: fc.RunDetails<Ts>, cause: unknown) => string;
}

const replayPathMessage = <Ts>(details: fc.RunDetails<Ts>, cause: unknown): string =>
  `${cause instanceof Error ? cause.message : String(cause)} (replay path ${details.counterexamplePath ?? 'none'})`;

/**
 * Runs `property` with the test's seed, records the run for the report and fails the test on a
 * counterexample. An error the implementation threw (it carries a `phase`) is rethrown as is, so
 * the runner reports it as the implementation's, not as an assertion failure.
 */
export async function checkProperty<Ts>(
  ctx: TestContext,
  property: fc.IAsyncProperty<Ts> | fc.IAsyncPropertyWithHooks<Ts>,
  options: CheckPropertyOptions<Ts>,
): Promise<void> {
  const numRuns = Math.min(ctx.numRuns, options.maxRuns);
  const { interruptAfterTimeLimit } = options;
  const result = await fc.check(property, { seed: ctx.seed, numRuns, interruptAfterTimeLimit });
  // The runs actually made: an interrupted property made fewer than asked for.
  ctx.recordProperty({
    seed: ctx.seed,
    numRuns: result.numRuns,
    ...(result.failed && result.counterexamplePath ? { path: result.counterexamplePath } : {}),
  });
  ok(
    result.failed || result.numRuns > 0,
    `the property was interrupted after ${interruptAfterTimeLimit} ms before any run completed`,
  );
  if (result.failed) {
    const cause = result.errorInstance;
    if (cause && typeof cause === 'object' && 'phase' in cause) throw cause;
    ok(false, (options.describeFailure ?? replayPathMessage)(result, cause));
  }
}
