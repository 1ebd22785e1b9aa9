import type { Config, JsonValue } from '@openstage/spec';

/**
 * A minimal read-only `Config` over plain data, enough for the services in this folder, which
 * read whole subtrees with `getOptional`. The other accessors throw so that a test notices when
 * code starts relying on them.
 */
export function createTestConfig(data: Record<string, unknown>): Config {
  const getOptional = <T = JsonValue>(key?: string): T | undefined => {
    if (key === undefined) return data as T;
    let node: unknown = data;
    for (const part of key.split('.')) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node as T | undefined;
  };
  const unsupported = (name: string) => () => {
    throw new Error(`createTestConfig does not implement ${name}`);
  };
  return {
    has: (key) => getOptional(key) !== undefined,
    keys: () => Object.keys(data),
    get: <T = JsonValue>(key?: string) => {
      const value = getOptional<T>(key);
      if (value === undefined) throw new Error(`Missing required config value at '${key}'`);
      return value;
    },
    getOptional,
    getConfig: unsupported('getConfig'),
    getOptionalConfig: unsupported('getOptionalConfig'),
    getConfigArray: unsupported('getConfigArray'),
    getOptionalConfigArray: unsupported('getOptionalConfigArray'),
    getNumber: unsupported('getNumber'),
    getOptionalNumber: unsupported('getOptionalNumber'),
    getBoolean: unsupported('getBoolean'),
    getOptionalBoolean: unsupported('getOptionalBoolean'),
    getString: unsupported('getString'),
    getOptionalString: (key) => getOptional<string>(key),
    getStringArray: unsupported('getStringArray'),
    getOptionalStringArray: unsupported('getOptionalStringArray'),
  };
}
