import { safeStringify } from './safeStringify.js';

function encode(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return safeStringify(value);
  }
}

/**
 * The development format (LOG-021): time, the `plugin` field (else `service`), level, message,
 * then every other field as `key=value` with the value JSON-encoded. The `plugin` and `service`
 * fields are left out of the tail because the component column already shows which one applies.
 */
export function formatTextLine(
  timestamp: string,
  level: string,
  message: string,
  fields: Readonly<Record<string, unknown>>,
): string {
  const component = fields['plugin'] ?? fields['service'];
  let line = `${timestamp} ${component === undefined ? '-' : String(component)} ${level} ${message}`;
  for (const key of Object.keys(fields)) {
    if (key === 'plugin' || key === 'service') continue;
    const value = fields[key];
    if (value === undefined) continue;
    line += ` ${key}=${encode(value)}`;
  }
  return line;
}
