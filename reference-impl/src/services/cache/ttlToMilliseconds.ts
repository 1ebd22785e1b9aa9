import type { HumanDuration } from '@openstage/spec';
import { CacheError } from './CacheError.js';

/** Who passed or configured the TTL: a plugin's call, or a config key. */
type TtlCulprit = { pluginId?: string; configPath?: string };

/** Milliseconds per unit, with the fixed calendar lengths of CACHE-042. */
const unitMilliseconds: Readonly<Record<keyof HumanDuration, number>> = {
  years: 365 * 24 * 3_600_000,
  months: 30 * 24 * 3_600_000,
  weeks: 7 * 24 * 3_600_000,
  days: 24 * 3_600_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
};

function invalid(value: unknown, reason: string, where: string, culprit: TtlCulprit): CacheError {
  return new CacheError('CACHE_INVALID_TTL', {
    ...culprit,
    where,
    received: describe(value),
    reason,
  });
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Converts a TTL given as milliseconds (CACHE-041) or a `HumanDuration` (CACHE-042) to
 * milliseconds, rejecting anything CACHE-050 rules out with `CACHE_INVALID_TTL`. `where` names
 * the argument or config key in the message.
 */
export function ttlToMilliseconds(value: unknown, where: string, details: TtlCulprit = {}): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0)
      throw invalid(value, 'must be finite and greater than zero', where, details);
    return value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(value, 'must be a number or a duration object', where, details);
  }
  let total = 0;
  let known = 0;
  for (const [unit, amount] of Object.entries(value)) {
    const factor = unitMilliseconds[unit as keyof HumanDuration];
    if (factor === undefined) throw invalid(value, `unknown field '${unit}'`, where, details);
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw invalid(
        value,
        `field '${unit}' must be a finite number that is not negative`,
        where,
        details,
      );
    }
    known += 1;
    total += amount * factor;
  }
  if (known === 0) throw invalid(value, 'has no duration field', where, details);
  if (!(total > 0) || !Number.isFinite(total))
    throw invalid(value, 'must add up to more than zero', where, details);
  return total;
}
