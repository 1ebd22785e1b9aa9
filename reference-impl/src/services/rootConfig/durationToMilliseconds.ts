import { luxonDuration } from '../../runtime/luxonDuration.js';
import ms from 'ms';
import { isJsonObject } from './jsonValues.js';

const DAY = 24 * 60 * 60 * 1000;
/** Milliseconds per unit key of a HumanDuration, with 365-day years and 30-day months. */
const UNIT_MS: Readonly<Record<string, number>> = {
  years: 365 * DAY,
  months: 30 * DAY,
  weeks: 7 * DAY,
  days: DAY,
  hours: 60 * 60 * 1000,
  minutes: 60 * 1000,
  seconds: 1000,
  milliseconds: 1,
};

// The IsoDurationString form of spec/schemas/duration.schema.json: at least one component, no
// sign. Luxon alone would also take `P`, `PT` and negative components.
const ISO =
  /^P(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$/;
const DIGITS_ONLY = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** The outcome of reading a duration: milliseconds, or why the value is not a duration. */
export type DurationResult = { ok: true; milliseconds: number } | { ok: false; reason: string };

/**
 * Converts any of the duration forms of CONF-051 (a number of milliseconds, a `ms`-style string
 * such as `'5s'`, an ISO 8601 string such as `'PT5S'`, or a HumanDuration mapping) to
 * milliseconds, and explains every rejection of CONF-052.
 */
export function durationToMilliseconds(value: unknown): DurationResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('the number is not finite');
    if (value < 0) return fail('the number of milliseconds is negative');
    return { ok: true, milliseconds: value };
  }
  if (typeof value === 'string') return fromString(value.trim());
  if (isJsonObject(value)) return fromObject(value);
  return fail(
    `expected a number, a string or a mapping, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
  );
}

function fromString(text: string): DurationResult {
  if (DIGITS_ONLY.test(text)) {
    return fail(
      `the string '${text}' has no unit; write a number of milliseconds or add a unit such as 'ms' or 's'`,
    );
  }
  if (/^[+-]?P/i.test(text)) {
    if (!ISO.test(text)) return fail(`'${text}' is not a valid non-negative ISO 8601 duration`);
    const duration = luxonDuration().fromISO(text.replace(',', '.'));
    if (!duration.isValid) return fail(`'${text}' is not a valid ISO 8601 duration`);
    return { ok: true, milliseconds: duration.toMillis() };
  }
  // ms() returns undefined for text it does not understand, and throws for empty text.
  const parsed =
    text === '' || text.length > 100
      ? undefined
      : (ms(text as ms.StringValue) as number | undefined);
  if (parsed === undefined || !Number.isFinite(parsed)) {
    return fail(`'${text}' is not a duration such as '5s', '1 minute' or 'PT5S'`);
  }
  if (parsed < 0) return fail(`'${text}' is negative`);
  return { ok: true, milliseconds: parsed };
}

function fromObject(value: Record<string, unknown>): DurationResult {
  const keys = Object.keys(value);
  const unknown = keys.filter((key) => !(key in UNIT_MS));
  if (unknown.length > 0) {
    return fail(
      `unknown key${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `'${k}'`).join(', ')}; use ${Object.keys(UNIT_MS).join(', ')}`,
    );
  }
  if (keys.length === 0)
    return fail(`the mapping has none of the keys ${Object.keys(UNIT_MS).join(', ')}`);
  let total = 0;
  for (const key of keys) {
    const amount = value[key];
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      return fail(`'${key}' must be a non-negative number`);
    }
    total += amount * (UNIT_MS[key] as number);
  }
  return { ok: true, milliseconds: total };
}

function fail(reason: string): DurationResult {
  return { ok: false, reason };
}
