import type { Config, ConfigSubscription } from '@openstage/spec';
import { ConfigError } from './ConfigError.js';
import { appendConfigPath, joinConfigPath } from './configPath.js';
import { describeJsonType, isJsonObject, type JsonObject, type JsonValue } from './jsonValues.js';
import type { ConfigSourceData } from './loadConfigSources.js';

/** The configuration a reader presents; replaced as a whole on reload. */
export interface ConfigSnapshot {
  /** The merged tree, without `null`s. */
  data: JsonObject;
  /** The sources in priority order, lowest first, used to name the source of a bad value. */
  sources: ReadonlyArray<ConfigSourceData>;
}

/** Where a reader gets its current snapshot, and how it hears of changes. */
export interface ConfigSnapshotProvider {
  current(): ConfigSnapshot;
  /** Present only when the configuration can change (RCFG-024). */
  subscribe?: (onChange: () => void) => ConfigSubscription;
}

type Segment = string | number;

// RCFG-003: parts start with a letter and continue with letters and digits, in groups joined by
// a single `-`, `_` or `:`.
const KEY_PART = /^[a-z][a-z0-9]*(?:[-_:][a-z0-9]+)*$/i;
const TRUE_WORDS = new Set(['y', 'yes', 'true', '1', 'on']);
const FALSE_WORDS = new Set(['n', 'no', 'false', '0', 'off']);

/**
 * The default `Config` implementation: typed getters over a merged configuration tree
 * (RCFG-002 to RCFG-030).
 *
 * A view returned by `getConfig` or `getConfigArray` reads through the same provider at its own
 * prefix, so it sees reloads (RCFG-029) and names full config paths in its errors (RCFG-020).
 */
export class ConfigReader implements Config {
  readonly #provider: ConfigSnapshotProvider;
  readonly #prefix: ReadonlyArray<Segment>;
  readonly #path: string;
  readonly subscribe?: (onChange: () => void) => ConfigSubscription;

  constructor(provider: ConfigSnapshotProvider, prefix: ReadonlyArray<Segment> = []) {
    this.#provider = provider;
    this.#prefix = prefix;
    this.#path = prefix.reduce<string>((path, segment) => appendConfigPath(path, segment), '');
    // Every view subscribes to the whole configuration (RCFG-030).
    if (provider.subscribe) this.subscribe = provider.subscribe;
  }

  /** A reader over fixed data, such as in tests or for a single source. */
  static fromData(data: JsonObject, sourceName = 'data'): ConfigReader {
    const snapshot: ConfigSnapshot = { data, sources: [{ name: sourceName, data }] };
    return new ConfigReader({ current: () => snapshot });
  }

  /** The full config path of `key` relative to this view. */
  fullPath(key: string): string {
    return joinConfigPath(this.#path, key);
  }

  has = (key: string): boolean => {
    const segments = this.#parseKey(key);
    let node = this.#root();
    for (const segment of segments) {
      if (!isJsonObject(node)) return false;
      node = node[segment];
    }
    return node !== undefined && node !== null;
  };

  keys = (): string[] => {
    const root = this.#root();
    if (!isJsonObject(root)) return [];
    return Object.keys(root).filter((key) => root[key] !== undefined && root[key] !== null);
  };

  get = <T = JsonValue>(key?: string): T => {
    const value = this.#read(key);
    return structuredClone(value) as T;
  };

  getOptional = <T = JsonValue>(key?: string): T | undefined => {
    const value = this.#readOptional(key);
    return value === undefined ? undefined : (structuredClone(value) as T);
  };

  getConfig = (key: string): ConfigReader => this.#toConfig(key, this.#read(key));

  getOptionalConfig = (key: string): ConfigReader | undefined => {
    const value = this.#readOptional(key);
    return value === undefined ? undefined : this.#toConfig(key, value);
  };

  getConfigArray = (key: string): ConfigReader[] => this.#toConfigArray(key, this.#read(key));

  getOptionalConfigArray = (key: string): ConfigReader[] | undefined => {
    const value = this.#readOptional(key);
    return value === undefined ? undefined : this.#toConfigArray(key, value);
  };

  getNumber = (key: string): number => this.#toNumber(key, this.#read(key));

  getOptionalNumber = (key: string): number | undefined => {
    const value = this.#readOptional(key);
    return value === undefined ? undefined : this.#toNumber(key, value);
  };

  getBoolean = (key: string): boolean => this.#toBoolean(key, this.#read(key));

  getOptionalBoolean = (key: string): boolean | undefined => {
    const value = this.#readOptional(key);
    return value === undefined ? undefined : this.#toBoolean(key, value);
  };

  getString = (key: string): string => this.#toString(key, this.#read(key));

  getOptionalString = (key: string): string | undefined => {
    const value = this.#readOptional(key);
    return value === undefined ? undefined : this.#toString(key, value);
  };

  getStringArray = (key: string): string[] => this.#toStringArray(key, this.#read(key));

  getOptionalStringArray = (key: string): string[] | undefined => {
    const value = this.#readOptional(key);
    return value === undefined ? undefined : this.#toStringArray(key, value);
  };

  // --- reading -------------------------------------------------------------------------------

  #root(): JsonValue | undefined {
    let node: JsonValue | undefined = this.#provider.current().data;
    for (const segment of this.#prefix) {
      if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
      else node = isJsonObject(node) ? node[segment] : undefined;
    }
    return node ?? undefined;
  }

  #parseKey(key: string): string[] {
    const segments = key.split('.');
    if (!segments.every((part) => KEY_PART.test(part))) {
      throw ConfigError.create('RCFG_INVALID_KEY', { key, configPath: this.fullPath(key) });
    }
    return segments;
  }

  /** The value at `key` (the view itself without a key), or `undefined` when absent. */
  #readOptional(key: string | undefined): JsonValue | undefined {
    if (key === undefined) return this.#root();
    const segments = this.#parseKey(key);
    let node = this.#root();
    let walked = this.#path;
    for (const segment of segments) {
      if (node === undefined || node === null) return undefined;
      if (!isJsonObject(node)) {
        // RCFG-012: name the deepest value that exists, which is not a mapping.
        throw this.#mismatch(walked, 'object', node);
      }
      node = node[segment];
      walked = appendConfigPath(walked, segment);
    }
    return node ?? undefined;
  }

  #read(key: string | undefined): JsonValue {
    const value = this.#readOptional(key);
    if (value === undefined) {
      throw ConfigError.create('RCFG_MISSING_VALUE', {
        configPath: key === undefined ? this.#path : this.fullPath(key),
      });
    }
    return value;
  }

  // --- conversions ---------------------------------------------------------------------------

  #toConfig(key: string, value: JsonValue): ConfigReader {
    if (!isJsonObject(value)) throw this.#mismatch(this.fullPath(key), 'object', value);
    return new ConfigReader(this.#provider, [...this.#prefix, ...key.split('.')]);
  }

  #toConfigArray(key: string, value: JsonValue): ConfigReader[] {
    const path = this.fullPath(key);
    if (!Array.isArray(value)) throw this.#mismatch(path, 'object-array', value);
    const base = [...this.#prefix, ...key.split('.')];
    return value.map((item, index) => {
      if (!isJsonObject(item)) throw this.#mismatch(appendConfigPath(path, index), 'object', item);
      return new ConfigReader(this.#provider, [...base, index]);
    });
  }

  #toNumber(key: string, value: JsonValue): number {
    if (typeof value === 'number') return value;
    if (typeof value === 'string') {
      const text = value.trim();
      const number = text === '' ? Number.NaN : Number(text);
      if (Number.isFinite(number)) return number;
      throw this.#conversion(this.fullPath(key), 'number');
    }
    throw this.#mismatch(this.fullPath(key), 'number', value);
  }

  #toBoolean(key: string, value: JsonValue): boolean {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' || typeof value === 'number') {
      const word = String(value).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw this.#conversion(this.fullPath(key), 'boolean');
    }
    throw this.#mismatch(this.fullPath(key), 'boolean', value);
  }

  #toString(key: string, value: JsonValue): string {
    if (typeof value === 'string' && value !== '') return value;
    throw this.#mismatch(this.fullPath(key), 'string', value);
  }

  #toStringArray(key: string, value: JsonValue): string[] {
    const path = this.fullPath(key);
    if (!Array.isArray(value)) throw this.#mismatch(path, 'string-array', value);
    return value.map((item, index) => {
      if (typeof item !== 'string' || item === '')
        throw this.#mismatch(appendConfigPath(path, index), 'string', item);
      return item;
    });
  }

  // --- errors --------------------------------------------------------------------------------

  #mismatch(configPath: string, expected: string, value: JsonValue | undefined): Error {
    const found = value === '' ? 'empty string' : describeJsonType(value);
    return ConfigError.create('RCFG_TYPE_MISMATCH', {
      configPath,
      expected,
      found,
      ...this.#source(configPath),
    });
  }

  #conversion(configPath: string, expected: string): Error {
    return ConfigError.create('RCFG_CONVERSION_FAILED', {
      configPath,
      expected,
      ...this.#source(configPath),
    });
  }

  /** RCFG-023: the highest-priority source that holds a value at `configPath`. */
  #source(configPath: string): { source?: string } {
    const segments = splitConfigPath(configPath);
    const sources = this.#provider.current().sources;
    for (let i = sources.length - 1; i >= 0; i--) {
      const source = sources[i] as ConfigSourceData;
      let node: JsonValue | undefined = source.data;
      for (const segment of segments) {
        if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
        else node = isJsonObject(node) ? node[segment] : undefined;
      }
      if (node !== undefined && node !== null) return { source: source.name };
    }
    return {};
  }
}

/** Splits `a.b[0].c` into `['a', 'b', 0, 'c']`. */
function splitConfigPath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** The full config path of `key` read through `config`, when `config` is a {@link ConfigReader}. */
export function fullConfigPath(config: Config, key: string): string {
  return config instanceof ConfigReader ? config.fullPath(key) : key;
}
