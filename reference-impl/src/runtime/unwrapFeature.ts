/**
 * Unwraps module namespaces: a value without `$$type` but with a `default`
 * key is replaced by its `default`, at most twice, so both
 * `add(import('pkg'))` and `add({ default: feature })` work.
 */
export function unwrapFeature(value: unknown): unknown {
  let current = value;
  for (let i = 0; i < 2; i++) {
    if (current !== null && (typeof current === 'object' || typeof current === 'function')) {
      if ('$$type' in current) {
        return current;
      }
      if ('default' in current) {
        current = (current as { default: unknown }).default;
        continue;
      }
    }
    break;
  }
  return current;
}
