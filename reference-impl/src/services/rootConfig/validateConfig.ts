import { ConfigError } from './ConfigError.js';
import type { ConfigSchemaValidator } from './ConfigSchemaValidator.js';
import type { JsonObject } from './jsonValues.js';

/**
 * Validates merged configuration and returns its secret strings.
 *
 * Fails with one `CONF_SCHEMA_VALIDATION_FAILED` error whose `problems` list every violation,
 * each as `{ path, message }`, in config path order (CONF-061, CONF-062). Neither the message
 * nor the problems quote configured values (CONF-068).
 */
export function validateConfig(data: JsonObject, validator: ConfigSchemaValidator): Set<string> {
  const { problems, secrets } = validator.validate(data);
  if (problems.length > 0) throw ConfigError.create('CONF_SCHEMA_VALIDATION_FAILED', { problems });
  return secrets;
}
