import type { JsonValue } from './JsonValue.js';

/**
 * A JSON array: an ordered list of JSON values.
 *
 * **When to use**: wherever a JSON value may be a list.
 *
 * **Details**: declared as an interface so that the recursive {@link JsonValue} union stays
 * finite for the compiler; mutually assignable with `JsonArray` of `@backstage/types`.
 *
 * @see {@link JsonValue}
 * @category services
 * @since 0.1.0
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, not an alias, keeps the recursion through JsonValue finite, as in @backstage/types
export interface JsonArray extends Array<JsonValue> {}
