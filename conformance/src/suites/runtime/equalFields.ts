import { equal } from '../../harness/assert.js';

/**
 * Asserts, in the order given, that each field of `actual` is `Object.is` the value in
 * `expected`; a mismatch names the field as `<what>.<key>` (say `finding.loader`).
 */
export function equalFields(
  actual: unknown,
  what: string,
  expected: Readonly<Record<string, unknown>>,
): void {
  const fields = actual as Record<string, unknown>;
  for (const [key, value] of Object.entries(expected)) equal(fields[key], value, `${what}.${key}`);
}
