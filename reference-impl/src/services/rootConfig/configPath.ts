/**
 * Config path helpers. A config path joins keys with `.` and writes array elements as
 * `[index]`, for example `backend.logger.overrides[0].level`; the empty string is the root.
 */

/** Appends a key or an array index to a config path. */
export function appendConfigPath(path: string, segment: string | number): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  return path === '' ? segment : `${path}.${segment}`;
}

/** Joins a view prefix and a dot-separated key relative to it. */
export function joinConfigPath(prefix: string, key: string): string {
  if (prefix === '') return key;
  if (key === '') return prefix;
  return `${prefix}.${key}`;
}
