import type { JsonArray } from './JsonArray.js';
import type { JsonObject } from './JsonObject.js';
import type { JsonPrimitive } from './JsonPrimitive.js';

/**
 * Any value that `JSON.stringify` writes and `JSON.parse` reads back unchanged.
 *
 * **When to use**: for data that crosses a serialization boundary: cache entries, configuration
 * values, health check payloads.
 *
 * **Details**: the union of {@link JsonObject}, {@link JsonArray} and {@link JsonPrimitive}.
 * It has the same structure as `JsonValue` of `@backstage/types`.
 *
 * @see {@link JsonObject}
 * @see {@link JsonArray}
 * @see {@link JsonPrimitive}
 * @category services
 * @since 0.1.0
 */
export type JsonValue = JsonObject | JsonArray | JsonPrimitive;
