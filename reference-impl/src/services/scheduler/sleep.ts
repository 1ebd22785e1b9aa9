/**
 * Waits `ms` milliseconds, or less when any of `signals` aborts. Never rejects: callers check
 * the signals themselves after waking.
 */
export function sleep(
  ms: number,
  ...signals: ReadonlyArray<AbortSignal | undefined>
): Promise<void> {
  const active = signals.filter((s): s is AbortSignal => s !== undefined);
  if (active.some((s) => s.aborted)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      for (const s of active) s.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    for (const s of active) s.addEventListener('abort', done, { once: true });
  });
}
