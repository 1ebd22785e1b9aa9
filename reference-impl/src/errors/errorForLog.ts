import type { JsonValue } from '@openstage/spec';

/**
 * An error as a field of log metadata. Loggers serialise an `Error` found in metadata (name,
 * message, stack, cause), which the spec's `JsonObject` type for metadata cannot express; this is
 * the one place that says so, instead of a cast at every call.
 */
export function errorForLog(error: unknown): JsonValue {
  // Deliberately not converted: the logger owns how an Error is rendered and redacted.
  return error as JsonValue;
}
