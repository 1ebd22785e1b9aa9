import { ConfigError } from './ConfigError.js';
import type { JsonObject, JsonValue } from './jsonValues.js';
import type { EnvSource } from './substituteEnv.js';

const PREFIX = 'APP_CONFIG_';
const PART = /^[a-zA-Z][a-zA-Z0-9]*(?:-[a-zA-Z][a-zA-Z0-9]*)*$/;

/** The configuration that `APP_CONFIG_*` variables contribute. */
export interface EnvOverrides {
  /** The values, as a tree; `null` marks a path the environment makes absent (CONF-024). */
  data: JsonObject;
  /** The names of the variables applied, sorted. */
  variables: string[];
}

/**
 * Turns every non-empty `APP_CONFIG_*` variable of `env` into a value at the path its name
 * spells (CONF-018 to CONF-025). Values are parsed as JSON, falling back to the raw string, and
 * are neither substituted nor included.
 *
 * Fails with `CONF_INVALID_ENV_KEY` naming a badly formed variable, and with
 * `CONF_ENV_CONFLICT` naming two variables when the path of one equals or contains the path of
 * the other; variables are sorted first, so the outcome does not depend on the order in which
 * the process lists them.
 */
export function readEnvOverrides(env: EnvSource): EnvOverrides {
  const entries: Array<{ variable: string; path: string[]; value: JsonValue }> = [];
  for (const variable of Object.keys(env).sort()) {
    if (!variable.startsWith(PREFIX)) continue;
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const path = variable.slice(PREFIX.length).split('_');
    if (!path.every((part) => PART.test(part)))
      throw ConfigError.create('CONF_INVALID_ENV_KEY', { variable });
    entries.push({ variable, path, value: parseValue(raw) });
  }

  for (const [i, a] of entries.entries()) {
    for (const b of entries.slice(i + 1)) {
      if (isPrefix(a.path, b.path) || isPrefix(b.path, a.path)) {
        throw ConfigError.create('CONF_ENV_CONFLICT', { variables: [a.variable, b.variable] });
      }
    }
  }

  const data: JsonObject = {};
  for (const { path, value } of entries) {
    let node = data;
    for (const key of path.slice(0, -1)) {
      // No two paths overlap (checked above), so an intermediate node is always a mapping that
      // this loop created.
      node = (node[key] ??= {}) as JsonObject;
    }
    node[path[path.length - 1] as string] = value;
  }
  return { data, variables: entries.map((e) => e.variable) };
}

function parseValue(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return raw;
  }
}

function isPrefix(prefix: string[], path: string[]): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}
