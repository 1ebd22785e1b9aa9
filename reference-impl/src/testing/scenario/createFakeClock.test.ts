import { describe, expect, it } from 'vitest';
import { createFakeClock } from './createFakeClock.js';

describe('createFakeClock', () => {
  it('TEST-231: starts at now, or at the real time', () => {
    expect(createFakeClock({ now: 1_000 }).now()).toBe(1_000);
    const before = Date.now();
    const clock = createFakeClock();
    expect(clock.now()).toBeGreaterThanOrEqual(before);
    expect(clock.now()).toBeLessThanOrEqual(Date.now());
  });

  it('TEST-232: advances by milliseconds or a HumanDuration', async () => {
    const clock = createFakeClock({ now: 0 });
    await clock.advance(500);
    await clock.advance({ minutes: 1, seconds: 2 });
    expect(clock.now()).toBe(62_500);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
  });

  it('TEST-233, TEST-234: fires due timers in order at their due time and awaits them', async () => {
    const clock = createFakeClock({ now: 0 });
    const seen: Array<[string, number]> = [];
    clock.setTimeout(() => void seen.push(['b', clock.now()]), 200);
    clock.setTimeout(async () => {
      seen.push(['a', clock.now()]);
      await new Promise((r) => setImmediate(r));
      seen.push(['a-done', clock.now()]);
      // A timer set by a timer fires in the same advance when it falls due within it.
      clock.setTimeout(() => void seen.push(['c', clock.now()]), 50);
    }, 100);
    const late = clock.setTimeout(() => void seen.push(['late', clock.now()]), 1_000);
    await clock.advance(300);
    expect(seen).toEqual([
      ['a', 100],
      ['a-done', 100],
      ['c', 150],
      ['b', 200],
    ]);
    expect(clock.now()).toBe(300);
    clock.clearTimeout(late);
    await clock.advance(1_000);
    expect(seen).toHaveLength(4);
  });

  it('TEST-235: replaces no global', async () => {
    const { setTimeout: st, Date: D } = globalThis;
    const clock = createFakeClock({ now: 0 });
    await clock.advance({ hours: 5 });
    expect(globalThis.setTimeout).toBe(st);
    expect(globalThis.Date).toBe(D);
  });
});
