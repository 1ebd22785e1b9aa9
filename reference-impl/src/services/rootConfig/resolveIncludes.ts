import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { ConfigError } from './ConfigError.js';
import { appendConfigPath } from './configPath.js';
import { isJsonObject, type JsonObject, type JsonValue } from './jsonValues.js';
import { parseYaml } from './parseYaml.js';
import { substituteEnv, type EnvSource } from './substituteEnv.js';

const INCLUDE_KEYS = ['$env', '$file', '$include'] as const;
type IncludeKey = (typeof INCLUDE_KEYS)[number];

/** Where a document came from, and what reading it touches. */
export interface ResolveIncludesOptions {
  /** The environment that substitution and `$env` read. */
  env: EnvSource;
  /** The file (or URL) that holds the document, named in errors. */
  source: string;
  /** The directory that relative `$file` and `$include` paths are resolved against. */
  baseDir: string;
  /**
   * Receives the absolute path of every file read through `$file` or `$include`, so that the
   * caller can watch them (RCFG-035).
   */
  onFileRead?: (file: string) => void;
}

interface Context {
  env: EnvSource;
  source: string;
  baseDir: string;
  /** The files being included, outermost first, for cycle detection (CONF-045). */
  chain: string[];
  onFileRead: (file: string) => void;
}

/**
 * Applies substitution (CONF-026 to CONF-031) to every string value of a parsed document and
 * replaces every `$env`, `$file` and `$include` mapping with what it refers to (CONF-032 to
 * CONF-045). Values that substitution makes absent are left out, so that a lower-priority
 * source shows through when the result is merged (CONF-047).
 */
export async function resolveIncludes(
  document: JsonObject,
  options: ResolveIncludesOptions,
): Promise<JsonObject> {
  const context: Context = {
    env: options.env,
    source: options.source,
    baseDir: options.baseDir,
    chain: [options.source],
    onFileRead: options.onFileRead ?? (() => {}),
  };
  const resolved = await resolveValue(document, '', context);
  return isJsonObject(resolved) ? resolved : {};
}

async function resolveValue(
  value: JsonValue | undefined,
  path: string,
  context: Context,
): Promise<JsonValue | undefined> {
  if (typeof value === 'string') return substituteEnv(value, context.env);
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const [index, item] of value.entries()) {
      const resolved = await resolveValue(item, appendConfigPath(path, index), context);
      if (resolved !== undefined) items.push(resolved);
    }
    return items;
  }
  if (!isJsonObject(value)) return value;

  const includeKey = INCLUDE_KEYS.find((key) => key in value);
  if (includeKey !== undefined) return resolveInclude(value, includeKey, path, context);

  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const resolved = await resolveValue(child, appendConfigPath(path, key), context);
    if (resolved !== undefined) result[key] = resolved;
  }
  return result;
}

async function resolveInclude(
  mapping: JsonObject,
  includeKey: IncludeKey,
  configPath: string,
  context: Context,
): Promise<JsonValue | undefined> {
  const { source: file } = context;
  if (Object.keys(mapping).length !== 1) {
    throw ConfigError.create('CONF_INCLUDE_ADJACENT_KEYS', { configPath, file, includeKey });
  }
  const raw = mapping[includeKey];
  if (typeof raw !== 'string')
    throw ConfigError.create('CONF_INCLUDE_NOT_STRING', { configPath, file, includeKey });
  const target = substituteEnv(raw, context.env);
  if (target === undefined)
    throw ConfigError.create('CONF_INCLUDE_UNDEFINED', { configPath, file, includeKey });

  if (includeKey === '$env') return context.env[target.trim()]?.trim();

  if (includeKey === '$file') {
    const absolute = resolve(context.baseDir, target);
    const text = await readIncluded(absolute, configPath, context);
    return text.trimEnd();
  }

  const hash = target.indexOf('#');
  const filePart = hash === -1 ? target : target.slice(0, hash);
  const fragment = hash === -1 ? undefined : target.slice(hash + 1);
  const absolute = resolve(context.baseDir, filePart);
  const format = formatOf(absolute);
  if (format === undefined)
    throw ConfigError.create('CONF_INCLUDE_UNSUPPORTED_FORMAT', { configPath, file: absolute });
  if (context.chain.includes(absolute)) {
    throw ConfigError.create('CONF_INCLUDE_CYCLE', {
      configPath,
      files: [...context.chain, absolute],
    });
  }

  const text = await readIncluded(absolute, configPath, context);
  let document = parseIncluded(text, format, absolute, configPath);
  if (fragment !== undefined) document = walkFragment(document, fragment, absolute, configPath);
  return resolveValue(document, configPath, {
    ...context,
    source: absolute,
    baseDir: dirname(absolute),
    chain: [...context.chain, absolute],
  });
}

function formatOf(file: string): 'json' | 'yaml' | undefined {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return undefined;
}

async function readIncluded(file: string, configPath: string, context: Context): Promise<string> {
  // Recorded before reading, so that a missing file is watched too and its creation triggers a
  // reload.
  context.onFileRead(file);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw ConfigError.create(
      'CONF_INCLUDE_READ_FAILED',
      { configPath, file, reason },
      { cause: error },
    );
  }
}

function parseIncluded(
  text: string,
  format: 'json' | 'yaml',
  file: string,
  configPath: string,
): JsonValue | undefined {
  if (format === 'json') {
    try {
      return JSON.parse(text) as JsonValue;
    } catch (error) {
      // Node's JSON error quotes the text around the failure, which could be a secret, so only
      // the kind of failure is kept; the cause has the rest for whoever debugs it.
      const reason = (error as Error).message.split(/[,:(]/, 1)[0]?.trim() ?? 'invalid JSON';
      throw ConfigError.create('CONF_INCLUDE_PARSE_FAILED', { configPath, file, reason });
    }
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    throw ConfigError.create('CONF_INCLUDE_PARSE_FAILED', {
      configPath,
      file,
      reason: `${parsed.reason} at line ${parsed.line}, column ${parsed.column}`,
    });
  }
  return parsed.value as JsonValue | undefined;
}

function walkFragment(
  document: JsonValue | undefined,
  fragment: string,
  file: string,
  configPath: string,
): JsonValue | undefined {
  const keys = fragment.split('.');
  let current = document;
  for (const [index, key] of keys.entries()) {
    const walked = keys.slice(0, index).join('.');
    if (!isJsonObject(current)) {
      throw ConfigError.create('CONF_INCLUDE_FRAGMENT_INVALID', {
        configPath,
        file,
        fragment,
        walked,
      });
    }
    const next = current[key];
    if (next === undefined && index < keys.length - 1) {
      throw ConfigError.create('CONF_INCLUDE_FRAGMENT_INVALID', {
        configPath,
        file,
        fragment,
        walked: keys.slice(0, index + 1).join('.'),
      });
    }
    current = next;
  }
  return current;
}
