import { createRequire } from 'node:module';
import type * as Luxon from 'luxon';

const require = createRequire(import.meta.url);
let duration: typeof Luxon.Duration | undefined;

/**
 * luxon's `Duration` class, loaded on first use. luxon is a quarter megabyte of source that only
 * ISO 8601 durations and the scheduler need; importing it with the runtime cost every backend
 * about 5 ms and 1.2 MiB of memory at startup, configured durations or not (issue 10).
 *
 * **Details**: synchronous, since the callers parse configuration synchronously, so this loads
 * luxon's CommonJS build, the one that Backstage's CommonJS plugins load too. A `Duration` built
 * by another copy of luxon is still recognised: `Duration.isDuration` checks a marker property,
 * not the class.
 */
export function luxonDuration(): typeof Luxon.Duration {
  duration ??= (require('luxon') as typeof Luxon).Duration;
  return duration;
}
