import { ConfigError } from './ConfigError.js';
import type { ConfigVisibilityMarks } from './ConfigSchemaValidator.js';
import { isJsonObject, type JsonObject } from './jsonValues.js';
import { pointerToConfigPath } from './pointerToConfigPath.js';

/**
 * The secret strings of `data`, given the visibilities that schemas gave to JSON pointers into
 * it during validation (CONF-067). Fails with `CONF_SCHEMA_INVALID` when one path is both
 * `frontend` and `secret` (CONF-060).
 */
export function collectMarkedSecrets(data: JsonObject, marks: ConfigVisibilityMarks): Set<string> {
  const secrets = new Set<string>();
  for (const [pointer, visibilities] of marks.visibility) {
    if (visibilities.includes('secret') && visibilities.includes('frontend')) {
      throw ConfigError.create('CONF_SCHEMA_INVALID', {
        location: 'config schemas',
        configPath: pointerToConfigPath(pointer, data),
        reason: "one schema marks the path with visibility 'frontend' and another with 'secret'",
      });
    }
  }
  for (const list of [marks.visibility, marks.deepVisibility]) {
    for (const [pointer, visibilities] of list) {
      // A secret mapping or list hides every string below it: over-redacting a log line is
      // harmless, leaking a credential is not.
      if (visibilities.includes('secret')) addStrings(valueAt(data, pointer), secrets);
    }
  }
  return secrets;
}

function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isJsonObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

function addStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value !== '') into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) addStrings(item, into);
  } else if (isJsonObject(value)) {
    for (const item of Object.values(value)) addStrings(item, into);
  }
}
