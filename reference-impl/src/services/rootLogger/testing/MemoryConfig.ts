import type { Config, ConfigSubscription, JsonObject, JsonValue } from '@openstage/spec';

/**
 * A tiny in-memory `Config` for tests of the services in this repository: dotted-key reads
 * over a JSON object, plus `update(data)`, which replaces the data and notifies subscribers
 * like a changed configuration file would. Swap for rootConfig's reader once it exists.
 */
export class MemoryConfig implements Config {
  #data: JsonObject;
  readonly #prefix: string;
  readonly #listeners: Set<() => void>;

  constructor(
    data: JsonObject = {},
    prefix = '',
    listeners = new Set<() => void>(),
    root?: () => JsonObject,
  ) {
    this.#data = data;
    this.#prefix = prefix;
    this.#listeners = listeners;
    if (root) this.#root = root;
  }

  #root: () => JsonObject = () => this.#data;

  /** Replaces the whole configuration and notifies every subscriber. */
  update(data: JsonObject): void {
    this.#data = data;
    for (const listener of [...this.#listeners]) listener();
  }

  subscribe = (onChange: () => void): ConfigSubscription => {
    this.#listeners.add(onChange);
    return { unsubscribe: () => void this.#listeners.delete(onChange) };
  };

  #lookup(key?: string): JsonValue | undefined {
    const path = [this.#prefix, key ?? ''].filter(Boolean).join('.');
    let node: JsonValue | undefined = this.#root();
    if (path === '') return node;
    for (const part of path.split('.')) {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
      node = node[part];
    }
    return node;
  }

  #required<T>(key: string, value: T | undefined): T {
    if (value === undefined)
      throw new Error(
        `Missing required config value at '${[this.#prefix, key].filter(Boolean).join('.')}'`,
      );
    return value;
  }

  #typed<T>(key: string, check: (v: unknown) => boolean): T | undefined {
    const value = this.#lookup(key);
    if (value === undefined) return undefined;
    if (!check(value)) throw new Error(`Invalid type in config for key '${key}'`);
    return value as T;
  }

  #sub(key: string): Config | undefined {
    const value = this.#lookup(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error(`Config at '${key}' is not an object`);
    const path = [this.#prefix, key].filter(Boolean).join('.');
    return new MemoryConfig({}, path, this.#listeners, this.#root);
  }

  has = (key: string): boolean => this.#lookup(key) !== undefined;
  keys = (): string[] => {
    const v = this.#lookup();
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.keys(v) : [];
  };
  get = <T = JsonValue>(key?: string): T =>
    this.#required(key ?? '', this.#lookup(key) as T | undefined);
  getOptional = <T = JsonValue>(key?: string): T | undefined => this.#lookup(key) as T | undefined;
  getConfig = (key: string): Config => this.#required(key, this.#sub(key));
  getOptionalConfig = (key: string): Config | undefined => this.#sub(key);
  getConfigArray = (key: string): Config[] => this.#required(key, this.getOptionalConfigArray(key));
  getOptionalConfigArray = (key: string): Config[] | undefined => {
    const value = this.#lookup(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw new Error(`Config at '${key}' is not an array`);
    return value.map((item) => new MemoryConfig(item as JsonObject, '', new Set()));
  };
  getNumber = (key: string): number => this.#required(key, this.getOptionalNumber(key));
  getOptionalNumber = (key: string): number | undefined =>
    this.#typed(key, (v) => typeof v === 'number');
  getBoolean = (key: string): boolean => this.#required(key, this.getOptionalBoolean(key));
  getOptionalBoolean = (key: string): boolean | undefined =>
    this.#typed(key, (v) => typeof v === 'boolean');
  getString = (key: string): string => this.#required(key, this.getOptionalString(key));
  getOptionalString = (key: string): string | undefined =>
    this.#typed(key, (v) => typeof v === 'string');
  getStringArray = (key: string): string[] => this.#required(key, this.getOptionalStringArray(key));
  getOptionalStringArray = (key: string): string[] | undefined =>
    this.#typed(key, (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'));
}
