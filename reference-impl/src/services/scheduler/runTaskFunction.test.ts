import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../testing/scenario/createFakeClock.js';
import { recordingLogger } from './__fixtures__/testHelpers.js';
import { runTaskFunction, type TaskRun } from './runTaskFunction.js';
import { systemSchedulerClock } from './SchedulerClock.js';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

function newRun(): TaskRun {
  return {
    controller: new AbortController(),
    startedAt: new Date(),
    timesOutAt: new Date(),
    cancelled: false,
  };
}

describe('runTaskFunction', () => {
  it('SCHED-041: a timeout longer than a Node timer can hold does not abort the run early', async () => {
    const run = newRun();
    const result = await runTaskFunction(
      run,
      // Long enough for Node to fire an overflowing timer, which it does after 1 ms.
      () => new Promise((resolve) => setTimeout(resolve, 30)),
      {
        taskId: 'monthly',
        timeoutMs: THIRTY_DAYS_MS,
        signals: [],
        logger: recordingLogger(),
        clock: systemSchedulerClock,
      },
    );
    expect(result).toEqual({});
    expect(run.controller.signal.aborted).toBe(false);
  });

  it('SCHED-041: a long timeout aborts once the whole of it has elapsed on the clock', async () => {
    const clock = createFakeClock({ now: 0 });
    const run = newRun();
    let finish!: () => void;
    const running = runTaskFunction(
      run,
      (signal) =>
        new Promise<void>((resolve) => {
          finish = resolve;
          signal.addEventListener('abort', () => resolve(), { once: true });
        }),
      {
        taskId: 'monthly',
        timeoutMs: THIRTY_DAYS_MS,
        signals: [],
        logger: recordingLogger(),
        clock,
      },
    );
    await clock.advance(THIRTY_DAYS_MS - 1);
    expect(run.controller.signal.aborted).toBe(false);
    await clock.advance(1);
    expect(run.controller.signal.aborted).toBe(true);
    expect(String(run.controller.signal.reason)).toContain(`timed out after ${THIRTY_DAYS_MS} ms`);
    finish();
    await running;
    expect(clock.pendingTimers).toBe(0);
  });
});
