export type { JsonArray } from './JsonArray.js';
export type { JsonObject } from './JsonObject.js';
export type { JsonPrimitive } from './JsonPrimitive.js';
export type { JsonValue } from './JsonValue.js';
