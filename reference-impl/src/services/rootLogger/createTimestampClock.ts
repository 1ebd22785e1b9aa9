/**
 * The wall-clock time in ISO 8601 form, as `new Date().toISOString()` gives it, formatted once
 * per millisecond: a busy logger writes many entries within one, and formatting a date costs more
 * than the rest of a short line.
 */
export function createTimestampClock(): () => string {
  let lastMs = Number.NaN;
  let last = '';
  return () => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      last = new Date(ms).toISOString();
    }
    return last;
  };
}
