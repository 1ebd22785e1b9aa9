import type { FakeClock, HumanDuration } from '@openstage/spec';

/**
 * The fake clock the service suites hand to a service under test that declares `clock: true`.
 * It has the shape of the test kit's fake clock (TEST-231 to TEST-235) plus timers of its own, so
 * an implementation can schedule work on it; it replaces no global.
 */
export interface SuiteClock extends FakeClock {
  /** Calls `callback` once `ms` of fake time have passed; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => unknown, ms: number): number;
  clearTimeout(handle: number): void;
  /**
   * Work in progress during which time must not move on, such as a scheduler loop's round trip
   * between two waits: `advance` lets every tracked promise settle before it fires the next timer
   * and before it resolves, so a service never races the clock (TEST-238).
   */
  track(work: Promise<unknown>): void;
}

const UNIT_MS: Record<string, number> = {
  years: 365 * 86_400_000,
  months: 30 * 86_400_000,
  weeks: 7 * 86_400_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
};

function toMilliseconds(duration: number | HumanDuration): number {
  const ms =
    typeof duration === 'number'
      ? duration
      : Object.entries(duration).reduce((sum, [unit, n]) => {
          const factor = UNIT_MS[unit];
          if (factor === undefined) throw new RangeError(`unknown duration unit '${unit}'`);
          return sum + factor * Number(n);
        }, 0);
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`the suite clock advances by a finite, non-negative duration, got ${ms}`);
  return ms;
}

/** Lets promise chains and I/O callbacks that a timer started run before the next timer. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Creates a suite clock starting at `now` (default: a fixed instant, so runs replay exactly). */
export function createSuiteClock(now = Date.UTC(2030, 0, 1)): SuiteClock {
  let time = now;
  let nextId = 1;
  const timers: { id: number; due: number; callback: () => unknown }[] = [];
  const tracked = new Set<Promise<unknown>>();
  let advancing: Promise<void> = Promise.resolve();
  const quiesce = async (): Promise<void> => {
    await settle();
    while (tracked.size > 0) {
      await Promise.allSettled([...tracked]);
      await settle();
    }
  };
  const run = async (end: number): Promise<void> => {
    await quiesce();
    for (;;) {
      timers.sort((a, b) => a.due - b.due || a.id - b.id);
      const next = timers[0];
      if (!next || next.due > end) break;
      timers.shift();
      time = next.due;
      await next.callback();
      await quiesce();
    }
    time = end;
  };
  return {
    now: () => time,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.push({ id, due: time + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      const index = timers.findIndex((t) => t.id === handle);
      if (index >= 0) timers.splice(index, 1);
    },
    track(work) {
      const forget = (): void => void tracked.delete(settled);
      const settled: Promise<void> = work.then(forget, forget);
      tracked.add(settled);
    },
    advance(duration) {
      let ms: number;
      try {
        ms = toMilliseconds(duration);
      } catch (error) {
        return Promise.reject(error);
      }
      // Overlapping calls queue up, so time only ever moves forward in one place; the target is
      // read when a call's turn comes.
      const turn = advancing.then(() => run(time + ms));
      advancing = turn.catch(() => undefined);
      return turn;
    },
  };
}
