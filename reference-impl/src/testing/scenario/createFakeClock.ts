import type { FakeClock as FakeClockShape, HumanDuration } from '@openstage/spec';
import { Duration } from 'luxon';

interface Timer {
  id: number;
  due: number;
  callback: () => unknown;
}

/**
 * A fake clock (TEST-231 to TEST-235) with its own timers: time moves only in `advance`, which
 * fires due timers in order, each with `now()` at its due time, and waits for what they return.
 * It replaces no global, so a runner's own fake timers keep working beside it.
 */
export interface FakeClock extends FakeClockShape {
  /** Calls `callback` once `ms` of fake time have passed; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => unknown, ms: number): number;
  clearTimeout(handle: unknown): void;
  /**
   * Work in progress during which time must not move on, such as a scheduler worker's database
   * round trip between two waits: `advance` waits for every tracked promise to settle before it
   * fires the next timer and before it resolves (TEST-238).
   */
  track(work: Promise<unknown>): void;
  /** Timers not yet fired, for tests of the harness itself. */
  readonly pendingTimers: number;
}

function toMilliseconds(duration: number | HumanDuration): number {
  const ms = typeof duration === 'number' ? duration : Duration.fromObject(duration).toMillis();
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(
      `A fake clock advances by a finite, non-negative duration, got ${JSON.stringify(duration)}`,
    );
  return ms;
}

/** Lets promise chains and I/O callbacks that a timer started run before the next timer. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Creates a fake clock starting at `now`, or at the real time of the call (TEST-231). */
export function createFakeClock(options: { now?: number } = {}): FakeClock {
  let now = options.now ?? Date.now();
  let nextId = 1;
  const timers: Timer[] = [];
  let advancing: Promise<void> = Promise.resolve();
  const tracked = new Set<Promise<unknown>>();

  /** Lets promise chains, I/O callbacks and tracked work that a timer started finish. */
  async function quiesce(): Promise<void> {
    await settle();
    while (tracked.size > 0) {
      await Promise.allSettled([...tracked]);
      await settle();
    }
  }

  const clock: FakeClock = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.push({ id, due: now + Math.max(0, ms), callback });
      return id;
    },
    track(work) {
      const forget = (): void => void tracked.delete(settled);
      const settled: Promise<void> = work.then(forget, forget);
      tracked.add(settled);
    },
    clearTimeout(handle) {
      const index = timers.findIndex((t) => t.id === handle);
      if (index >= 0) timers.splice(index, 1);
    },
    get pendingTimers() {
      return timers.length;
    },
    advance(duration) {
      let ms: number;
      try {
        ms = toMilliseconds(duration);
      } catch (error) {
        return Promise.reject(error);
      }
      // Overlapping calls queue up, so time only ever moves forward in one place.
      advancing = advancing.then(async () => {
        const target = now + ms;
        await quiesce();
        for (;;) {
          // TEST-233: earliest first; ties in the order they were set.
          let next: Timer | undefined;
          for (const timer of timers)
            if (timer.due <= target && (next === undefined || timer.due < next.due)) next = timer;
          if (next === undefined) break;
          timers.splice(timers.indexOf(next), 1);
          now = next.due;
          // TEST-234: a callback's promise is awaited; its failure is the callback's own business.
          await Promise.resolve()
            .then(next.callback)
            .catch(() => undefined);
          await quiesce();
        }
        now = target;
      });
      return advancing;
    },
  };
  return clock;
}
