import type { JsonObject } from '@openstage/spec';

const MAX_CAUSE_DEPTH = 8;

/**
 * The JSON form of an `Error` meta: `name`, `message` and `stack` (LOG-007), its own
 * enumerable primitive properties such as `code`, and its `cause` chain (LOG-008), cut at a
 * fixed depth so that a cyclic chain cannot loop.
 */
export function serializeError(error: Error, depth = 0): JsonObject {
  const out: JsonObject = { name: String(error.name), message: String(error.message) };
  if (error.stack !== undefined) out['stack'] = String(error.stack);
  for (const key of Object.keys(error)) {
    if (key === 'cause' || key in out) continue;
    const value: unknown = (error as unknown as Record<string, unknown>)[key];
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    ) {
      out[key] = value;
    }
  }
  const cause: unknown = error.cause;
  if (cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    out['cause'] =
      cause instanceof Error ? serializeError(cause, depth + 1) : { message: String(cause) };
  }
  return out;
}
