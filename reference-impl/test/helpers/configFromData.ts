import type { Config, JsonObject, JsonValue } from '@openstage/spec';
import { ConfigReader } from '../../src/services/rootConfig/ConfigReader.js';

/**
 * A real `Config` (the reference `ConfigReader`) over plain test data, so tests of services that
 * read configuration exercise every getter the service may call rather than a partial fake.
 *
 * Entries whose value is `undefined` are left out, as an unset environment variable would be in
 * a YAML file; this lets a fixture write `connection: process.env.X`. Anything a configuration
 * file cannot hold (functions, `NaN`, class instances) is rejected with the path that holds it.
 */
export function configFromData(data: Record<string, unknown>, sourceName = 'test-config'): Config {
  return ConfigReader.fromData(toJsonObject(data, ''), sourceName);
}

/** `{ backend: { [section]: value } }` as a `Config`, or an empty one when `value` is undefined. */
export function backendConfig(section: string, value: Record<string, unknown> | undefined): Config {
  return configFromData(value === undefined ? {} : { backend: { [section]: value } });
}

/**
 * A `Config` over values given by dotted path, such as `{ 'backend.listen': { port: 0 } }`, for
 * tests that name only the few keys a service reads. Paths are nested into one tree.
 */
export function configFromPaths(values: Record<string, unknown>): Config {
  const data: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split('.');
    const last = parts.pop()!;
    let node = data;
    for (const part of parts) {
      const child = node[part];
      if (child !== undefined && !isPlainRecord(child)) {
        throw new TypeError(
          `configFromPaths: '${path}' goes through '${part}', which holds a value`,
        );
      }
      node = child ?? (node[part] = {});
    }
    node[last] = value;
  }
  return configFromData(data);
}

function toJsonObject(value: Record<string, unknown>, path: string): JsonObject {
  const result: JsonObject = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined) continue;
    result[key] = toJsonValue(entry, path === '' ? key : `${path}.${key}`);
  }
  return result;
}

function toJsonValue(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value))
    return value.map((item, index) => toJsonValue(item, `${path}[${index}]`));
  if (isPlainRecord(value)) return toJsonObject(value, path);
  throw new TypeError(
    `configFromData: the value at '${path}' (${String(value)}) is not a JSON value; test config data may hold only objects, arrays, strings, finite numbers, booleans and null`,
  );
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
