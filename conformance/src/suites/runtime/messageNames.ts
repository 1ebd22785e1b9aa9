import { ok } from '../../harness/assert.js';

/** Asserts that the `message` of `value` (an error or a finding) contains each of `names`. */
export function messageNames(value: Record<string, unknown>, names: readonly string[]): void {
  const message = String(value['message']);
  for (const name of names)
    ok(message.includes(name), `the message must name '${name}': ${message}`);
}
