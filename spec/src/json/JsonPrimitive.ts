/**
 * A JSON value that is not a container: a number, a string, a boolean or `null`.
 *
 * **When to use**: as the leaf type wherever the specification carries JSON data (log metadata,
 * cache entries, configuration values, health payloads).
 *
 * **Details**: structurally identical to `JsonPrimitive` of `@backstage/types`, so values flow
 * between the two without casts.
 *
 * @see {@link JsonValue}
 * @category services
 * @since 0.1.0
 */
export type JsonPrimitive = number | string | boolean | null;
