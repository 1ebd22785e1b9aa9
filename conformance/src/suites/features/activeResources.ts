/**
 * Counts of the resources that keep the event loop alive (`process.getActiveResourcesInfo()`:
 * `Timeout`, `TCPServerWrap`, `FSReqCallback`, ...), by type. Unreferenced timers are not
 * listed by Node, so a feature may keep an `unref()`ed timer without being blamed.
 */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo())
    counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** The resource types whose count grew from `before` to `after`, as `2 x Timeout`. */
export function leakedResources(before: Map<string, number>, after: Map<string, number>): string[] {
  const leaked: string[] = [];
  for (const [type, count] of after) {
    const grown = count - (before.get(type) ?? 0);
    if (grown > 0) leaked.push(`${grown} x ${type}`);
  }
  return leaked;
}

/**
 * Lets closing handles finish: a socket or server closed in a shutdown hook is released on a
 * later turn of the event loop. The wait's own timer has fired by the time it resolves.
 */
export async function settle(ms = 25): Promise<void> {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, ms));
  await new Promise((r) => setImmediate(r));
}
