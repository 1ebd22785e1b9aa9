type Cleanup = () => Promise<void> | void;

const pending = new Set<Cleanup>();
let registered = false;

/**
 * Queues `cleanup` to run in the runner's `afterAll` when the runner defines that global
 * (TEST-010, TEST-202, TEST-253) and returns a function that removes it from the queue, for the
 * explicit clean-up call that makes it redundant (TEST-054).
 *
 * **Details**: one hook drains the whole queue, registered on first use. Runners refuse hooks
 * declared inside a running test (Jest throws); that attempt is swallowed and retried on the next
 * call, so a backend started in `beforeAll` or at the top of a `describe` is still stopped, and
 * one started inside a test must be stopped by the test (TEST-011).
 */
export function registerAfterAll(cleanup: Cleanup): () => void {
  pending.add(cleanup);
  ensureHook();
  return () => {
    pending.delete(cleanup);
  };
}

function ensureHook(): void {
  if (registered) return;
  const afterAll = (globalThis as { afterAll?: unknown }).afterAll;
  if (typeof afterAll !== 'function') return;
  try {
    // Jest, Vitest and node:test accept (fn, timeout); the minute covers dropping databases.
    (afterAll as (fn: () => Promise<void>, timeout?: number) => void)(drain, 60_000);
    registered = true;
  } catch {
    // Declared inside a test: leave it for a later call.
  }
}

async function drain(): Promise<void> {
  registered = false;
  const cleanups = [...pending];
  pending.clear();
  const results = await Promise.allSettled(cleanups.map(async (cleanup) => cleanup()));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    throw new AggregateError(
      failures.map((f) => f.reason as unknown),
      `${failures.length} test kit clean-up(s) failed`,
    );
  }
}
