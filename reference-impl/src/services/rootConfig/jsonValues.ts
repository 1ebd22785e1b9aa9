import type { JsonObject, JsonValue } from '@openstage/spec';

/** Whether `value` is a plain mapping (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short name for the type of a configuration value, used in error messages. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

export type { JsonObject, JsonValue };
