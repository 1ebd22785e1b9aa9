import { readFileSync } from 'node:fs';
import { ConfigError } from './ConfigError.js';
import { describeJsonType, isJsonObject, type JsonObject } from './jsonValues.js';
import { parseYaml } from './parseYaml.js';

/**
 * Reads and parses one configuration file (CONF-010 to CONF-014).
 *
 * Returns the top-level mapping, or an empty mapping for a file that is empty or holds only
 * comments. Fails with `CONF_FILE_NOT_FOUND`, `CONF_FILE_READ_FAILED`, `CONF_PARSE_FAILED`
 * (naming the line) or `CONF_ROOT_NOT_OBJECT`, each naming `file`.
 */
export async function readConfigFile(file: string): Promise<JsonObject> {
  let text: string;
  try {
    // Synchronous: a configuration file is small, and the promise API's four trips through the
    // thread pool (open, stat, read, close) cost more than the read on every start (issue 10).
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw ConfigError.create('CONF_FILE_NOT_FOUND', { file }, { cause: error });
    throw ConfigError.create(
      'CONF_FILE_READ_FAILED',
      { file, reason: code ?? (error as Error).message },
      { cause: error },
    );
  }
  return parseConfigText(text, file);
}

/** Parses the text of a configuration document that came from `file` (a path or a URL). */
export function parseConfigText(text: string, file: string): JsonObject {
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    throw ConfigError.create('CONF_PARSE_FAILED', {
      file,
      line: parsed.line,
      column: parsed.column,
      reason: parsed.reason,
    });
  }
  if (parsed.value === undefined) return {};
  if (!isJsonObject(parsed.value)) {
    throw ConfigError.create('CONF_ROOT_NOT_OBJECT', {
      file,
      found: describeJsonType(parsed.value),
    });
  }
  return parsed.value;
}
