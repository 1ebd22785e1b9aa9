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
  return `${timestamp} ${textComponent(fields)} ${level} ${message}${formatTextFields(fields)}`;
}

/** The component column of a text line with these fields. */
export function textComponent(fields: Readonly<Record<string, unknown>>): string {
  const component = fields['plugin'] ?? fields['service'];
  return component === undefined ? '-' : String(component);
}

/** The tail of a text line: ` key=value` for every field but `plugin` and `service`. */
export function formatTextFields(fields: Readonly<Record<string, unknown>>): string {
  let tail = '';
  for (const key of Object.keys(fields)) {
    if (key === 'plugin' || key === 'service') continue;
    const value = fields[key];
    if (value === undefined) continue;
    tail += ` ${key}=${encode(value)}`;
  }
  return tail;
}
