import type { JsonValue } from './JsonValue.js';

/**
 * A JSON object: string keys mapped to JSON values.
 *
 * **When to use**: for structured metadata that has to survive serialization, such as the
 * `meta` argument of a logger call or the `meta` of an audit event.
 *
 * **Details**: values are optional (`undefined` is allowed and dropped on serialization), which
 * is what `@backstage/types` declares too; the two types are mutually assignable.
 *
 * @see {@link JsonValue}
 * @category services
 * @since 0.1.0
 */
export type JsonObject = { [key in string]?: JsonValue };
