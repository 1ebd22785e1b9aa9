import { isJsonObject, type JsonObject, type JsonValue } from './jsonValues.js';

/**
 * Merges configuration trees given in priority order, lowest first (CONF-046 to CONF-050).
 *
 * Mappings at the same path are merged key by key; an array or a scalar from a higher-priority
 * source replaces what lies below it unchanged; `null` hides every lower-priority value at and
 * below its path. The result holds no `null`, so a hidden path is simply absent.
 */
export function mergeConfig(sources: ReadonlyArray<JsonObject>): JsonObject {
  let merged: JsonValue | undefined = {};
  for (const source of sources) merged = mergeValue(merged, source);
  const stripped = stripNulls(merged);
  return isJsonObject(stripped) ? stripped : {};
}

function mergeValue(
  lower: JsonValue | undefined,
  higher: JsonValue | undefined,
): JsonValue | undefined {
  if (higher === undefined) return lower;
  if (!isJsonObject(higher) || !isJsonObject(lower)) return higher;
  const result: JsonObject = { ...lower };
  for (const [key, value] of Object.entries(higher)) {
    result[key] = mergeValue(lower[key], value);
  }
  return result;
}

function stripNulls(value: JsonValue | undefined): JsonValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value;
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const stripped = stripNulls(child);
    if (stripped !== undefined) result[key] = stripped;
  }
  return result;
}
