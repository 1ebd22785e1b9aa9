import { isJsonObject } from './jsonValues.js';

/** Whether two JSON values are equal, ignoring the order of mapping keys. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) && a.length === b.length && a.every((item, i) => isDeepEqual(item, b[i]))
    );
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => key in b && isDeepEqual(a[key], b[key]))
    );
  }
  return false;
}
