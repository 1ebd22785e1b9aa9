/** Small helpers shared by the runtime suites. */

/** A promise with its resolve function, for tests that control when something settles. */
export function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * Lets `n` rounds of microtasks run. Used instead of sleeps to give a runtime the chance to do
 * something out of order: if it would, it does within a few turns.
 */
export async function ticks(n = 10): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

/** A startup result entry looked up by id (the order of entries is not specified). */
export function pluginEntry(
  result: unknown,
  pluginId: string,
): Record<string, unknown> | undefined {
  const plugins = (result as { plugins?: unknown } | null)?.plugins;
  return Array.isArray(plugins)
    ? (plugins as Record<string, unknown>[]).find((p) => p?.['pluginId'] === pluginId)
    : undefined;
}

/** The `result` of a resolved start() or of a BackendStartupError. */
export function resultOf(value: unknown): unknown {
  return (value as { result?: unknown } | null)?.result;
}
