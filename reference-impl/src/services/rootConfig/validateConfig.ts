import { ConfigError } from './ConfigError.js';
import type { ConfigSchemaValidator, ConfigValidationResult } from './ConfigSchemaValidator.js';
import type { JsonObject } from './jsonValues.js';

/**
 * Validates merged configuration and returns its secret strings.
 *
 * Fails with one `CONF_SCHEMA_VALIDATION_FAILED` error whose `problems` list every violation,
 * each as `{ path, message }`, in config path order (CONF-061, CONF-062). Neither the message
 * nor the problems quote configured values (CONF-068).
 */
export function validateConfig(data: JsonObject, validator: ConfigSchemaValidator): Set<string> {
  return passedValidation(validator.validate(data)).secrets;
}

/** `result` when it found no problem; else the `CONF_SCHEMA_VALIDATION_FAILED` error listing them. */
export function passedValidation(result: ConfigValidationResult): ConfigValidationResult {
  const { problems } = result;
  if (problems.length > 0) throw ConfigError.create('CONF_SCHEMA_VALIDATION_FAILED', { problems });
  return result;
}
