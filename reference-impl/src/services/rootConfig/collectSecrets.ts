import type { Config } from '@openstage/spec';
import { ConfigSchemaValidator, type ConfigSchema } from './ConfigSchemaValidator.js';
import { isJsonObject, type JsonObject } from './jsonValues.js';

/**
 * The secret strings of a configuration: every string value at a path that one of `schemas`
 * marks `visibility: secret`, or below a path marked `deepVisibility: secret` or
 * `visibility: secret` on a mapping or list (CONF-067).
 *
 * **When to use**: a logger that redacts secrets (CONF-069, LOG-034) and that was handed a
 * configuration not created by the default `rootConfig` factory. For the default service use
 * `getConfigSecrets(rootConfig)`, which is already computed and follows reloads.
 *
 * **Details**: pass the spec's schemas (`await loadSpecSchemas()`) and any others. Values that
 * break a schema do not stop the collection; a visibility conflict between schemas throws
 * `CONF_SCHEMA_INVALID` (CONF-060). Compiling schemas costs a few milliseconds, so call this
 * once per configuration, not per log line.
 *
 * @example
 * ```ts
 * const secrets = collectSecrets(config, [await loadSpecSchemas()]);
 * ```
 */
export function collectSecrets(
  config: Config | JsonObject,
  schemas: ReadonlyArray<ConfigSchema | JsonObject>,
): Set<string> {
  const data = isConfig(config) ? (config.getOptional<JsonObject>() ?? {}) : config;
  const normalised = schemas.map((schema, index): ConfigSchema =>
    isConfigSchema(schema) ? schema : { schema, location: `schemas[${index}]` },
  );
  return ConfigSchemaValidator.create(normalised).validate(data).secrets;
}

function isConfig(value: Config | JsonObject): value is Config {
  return (
    typeof (value as Partial<Config>).getOptional === 'function' &&
    typeof (value as Partial<Config>).keys === 'function'
  );
}

function isConfigSchema(value: ConfigSchema | JsonObject): value is ConfigSchema {
  return isJsonObject(value['schema']) && typeof value['location'] === 'string';
}
