import { readFileSync } from 'node:fs';
import { ConfigError } from './ConfigError.js';
import { isJsonObject, type JsonObject } from './jsonValues.js';

/**
 * The JSON Schema in the file at `location`, which `packageName` ships; `read` gives its text
 * (the file's, read now, by default).
 *
 * @throws ConfigError `CONF_SCHEMA_INVALID` naming the file and the package when it cannot be
 *   read, is not JSON, or is not a JSON object (CONF-059).
 */
export function readSchemaFile(
  location: string,
  packageName: string,
  read: () => string = () => readFileSync(location, 'utf8'),
): JsonObject {
  let schema: unknown;
  try {
    schema = JSON.parse(read());
  } catch (error) {
    throw ConfigError.create(
      'CONF_SCHEMA_INVALID',
      { location, packageName, reason: `cannot be read as JSON: ${(error as Error).message}` },
      { cause: error },
    );
  }
  if (!isJsonObject(schema)) {
    throw ConfigError.create('CONF_SCHEMA_INVALID', {
      location,
      packageName,
      reason: 'the schema must be a JSON object',
    });
  }
  return schema;
}
