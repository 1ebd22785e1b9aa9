import type { Config } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { isConfigError } from './ConfigError.js';
import { ConfigReader, type ConfigSnapshot } from './ConfigReader.js';
import type { ConfigErrorCode } from './ConfigError.js';

function errorOf(fn: () => unknown): {
  code: ConfigErrorCode;
  configPath?: string;
  message: string;
  source?: string;
} {
  try {
    fn();
  } catch (error) {
    if (isConfigError(error)) return error as never;
    throw error;
  }
  throw new Error('expected a throw');
}

const data = {
  backend: {
    baseUrl: 'http://localhost:7007',
    listen: { port: '7007', host: '' },
    flags: { a: 'YES', b: ' off ', c: 1, d: 0, e: 'maybe', f: 2, g: true },
    database: { connection: { port: 'abc', host: 'db' } },
    nothing: null,
  },
  list: [{ a: 1 }, { a: 2 }],
  badList: [{ a: 1 }, 'x'],
  strings: ['a', 'b'],
  badStrings: ['a', ''],
  empty: '',
  number: 5,
  text: 'hello',
};

const config = ConfigReader.fromData(structuredClone(data), 'app-config.yaml');

describe('ConfigReader', () => {
  it('RCFG-002: implements every getter in a required and an optional variant, plus has and keys', () => {
    // Each getter beside its optional variant, as RCFG-002 pairs them.
    const variants: Array<[keyof Config, keyof Config]> = [
      ['get', 'getOptional'],
      ['getConfig', 'getOptionalConfig'],
      ['getConfigArray', 'getOptionalConfigArray'],
      ['getNumber', 'getOptionalNumber'],
      ['getBoolean', 'getOptionalBoolean'],
      ['getString', 'getOptionalString'],
      ['getStringArray', 'getOptionalStringArray'],
    ];
    const methods: Array<keyof Config> = ['has', 'keys', ...variants.flat()];
    for (const method of methods) expect(typeof config[method], method).toBe('function');
    expect(config.getOptionalString('missing')).toBeUndefined();
    expect(config.getOptionalNumber('missing.deeper')).toBeUndefined();
    expect(config.getOptionalConfig('missing')).toBeUndefined();
    expect(config.getOptionalConfigArray('missing')).toBeUndefined();
    expect(config.getOptionalStringArray('missing')).toBeUndefined();
    expect(config.getOptionalBoolean('missing')).toBeUndefined();
    expect(config.getOptional('missing')).toBeUndefined();
  });

  it('RCFG-003: accepts keys of letters and digits grouped by -, _ or :', () => {
    const reader = ConfigReader.fromData({ 'my-plugin': { key_2: { 'a:b': 1 } } });
    expect(reader.getNumber('my-plugin.key_2.a:b')).toBe(1);
  });

  it('RCFG-004: rejects malformed keys with RCFG_INVALID_KEY naming the key', () => {
    for (const key of ['', 'a..b', '1a', 'a-', 'a--b', '.a', 'a b', 'a[0]']) {
      const error = errorOf(() => config.getOptional(key));
      expect(error.code, key).toBe('RCFG_INVALID_KEY');
      expect(error.message).toContain(`'${key}'`);
    }
    expect(errorOf(() => config.has('a..b')).code).toBe('RCFG_INVALID_KEY');
    expect(errorOf(() => config.getConfig('backend').getString('bad key')).configPath).toBe(
      'backend.bad key',
    );
  });

  it('RCFG-005, RCFG-006: null is absent; has is true exactly for present values', () => {
    expect(config.has('backend.nothing')).toBe(false);
    expect(config.getOptional('backend.nothing')).toBeUndefined();
    expect(errorOf(() => config.get('backend.nothing')).code).toBe('RCFG_MISSING_VALUE');
    expect(config.has('backend.listen.host')).toBe(true);
    expect(config.has('empty')).toBe(true);
    expect(config.has('missing')).toBe(false);
    expect(config.has('text.deeper')).toBe(false);
  });

  it('RCFG-007: keys lists the present keys of the view once', () => {
    expect(config.getConfig('backend').keys()).toEqual(['baseUrl', 'listen', 'flags', 'database']);
    expect(config.keys()).toEqual(Object.keys(data));
  });

  it('RCFG-008: get and getOptional without a key return the whole tree of the view', () => {
    expect(config.get()).toEqual(data);
    expect(config.getConfig('backend.listen').getOptional()).toEqual({ port: '7007', host: '' });
  });

  it('RCFG-009: returned values are copies', () => {
    const tree = config.get<{ backend: { listen: { port: string } } }>();
    tree.backend.listen.port = 'changed';
    config.getStringArray('strings').push('c');
    (config.get('list') as Array<{ a: number }>)[0]!.a = 99;
    expect(config.getString('backend.listen.port')).toBe('7007');
    expect(config.getStringArray('strings')).toEqual(['a', 'b']);
    expect(config.get('list')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('RCFG-010: a required getter fails with RCFG_MISSING_VALUE naming the full path', () => {
    for (const read of [
      () => config.getString('backend.missing'),
      () => config.getNumber('backend.missing'),
      () => config.getBoolean('backend.missing'),
      () => config.getConfig('backend.missing'),
      () => config.getConfigArray('backend.missing'),
      () => config.getStringArray('backend.missing'),
      () => config.get('backend.missing'),
    ]) {
      const error = errorOf(read);
      expect(error.code).toBe('RCFG_MISSING_VALUE');
      expect(error.configPath).toBe('backend.missing');
      expect(error.message).toContain("'backend.missing'");
    }
  });

  it('RCFG-011: a wrong type fails with RCFG_TYPE_MISMATCH naming the path, the found and wanted types', () => {
    const error = errorOf(() => config.getNumber('backend.listen'));
    expect(error.code).toBe('RCFG_TYPE_MISMATCH');
    expect(error.configPath).toBe('backend.listen');
    expect(error.message).toMatch(/got object, wanted number/);
    expect(errorOf(() => config.getConfig('text')).code).toBe('RCFG_TYPE_MISMATCH');
    expect(errorOf(() => config.getConfigArray('text')).code).toBe('RCFG_TYPE_MISMATCH');
    expect(errorOf(() => config.getStringArray('text')).code).toBe('RCFG_TYPE_MISMATCH');
    expect(errorOf(() => config.getBoolean('list')).code).toBe('RCFG_TYPE_MISMATCH');
  });

  it('RCFG-012: a path through a non-mapping names the deepest existing value', () => {
    const error = errorOf(() => config.getString('backend.baseUrl.host.name'));
    expect(error.code).toBe('RCFG_TYPE_MISMATCH');
    expect(error.configPath).toBe('backend.baseUrl');
    expect(errorOf(() => config.getOptionalString('list.a')).configPath).toBe('list');
  });

  it('RCFG-013: getString rejects the empty string', () => {
    expect(errorOf(() => config.getString('empty'))).toMatchObject({
      code: 'RCFG_TYPE_MISMATCH',
      configPath: 'empty',
    });
    expect(errorOf(() => config.getOptionalString('backend.listen.host')).code).toBe(
      'RCFG_TYPE_MISMATCH',
    );
  });

  it('RCFG-014: getString rejects numbers and booleans', () => {
    expect(errorOf(() => config.getString('number')).code).toBe('RCFG_TYPE_MISMATCH');
    expect(errorOf(() => config.getOptionalString('backend.flags.g')).code).toBe(
      'RCFG_TYPE_MISMATCH',
    );
  });

  it('RCFG-015: getNumber converts strings that hold finite numbers', () => {
    expect(config.getNumber('backend.listen.port')).toBe(7007);
    expect(config.getOptionalNumber('number')).toBe(5);
    expect(ConfigReader.fromData({ a: ' 1.5e3 ' }).getNumber('a')).toBe(1500);
  });

  it('RCFG-016: getNumber fails with RCFG_CONVERSION_FAILED for other strings', () => {
    for (const value of ['abc', '', '  ', 'Infinity', '1 2']) {
      const error = errorOf(() => ConfigReader.fromData({ a: { b: value } }).getNumber('a.b'));
      expect(error, JSON.stringify(value)).toMatchObject({
        code: 'RCFG_CONVERSION_FAILED',
        configPath: 'a.b',
      });
    }
  });

  it('RCFG-017: getBoolean accepts the yes/no spellings in strings and numbers', () => {
    const flags = config.getConfig('backend.flags');
    expect([
      flags.getBoolean('a'),
      flags.getBoolean('b'),
      flags.getBoolean('c'),
      flags.getBoolean('d'),
      flags.getBoolean('g'),
    ]).toEqual([true, false, true, false, true]);
    for (const word of ['y', 'Yes', 'TRUE', '1', 'on'])
      expect(ConfigReader.fromData({ a: word }).getBoolean('a')).toBe(true);
    for (const word of ['n', 'No', 'false', '0', 'OFF'])
      expect(ConfigReader.fromData({ a: word }).getBoolean('a')).toBe(false);
  });

  it('RCFG-018: getBoolean fails with RCFG_CONVERSION_FAILED for other strings and numbers', () => {
    expect(errorOf(() => config.getBoolean('backend.flags.e'))).toMatchObject({
      code: 'RCFG_CONVERSION_FAILED',
      configPath: 'backend.flags.e',
    });
    expect(errorOf(() => config.getOptionalBoolean('backend.flags.f')).code).toBe(
      'RCFG_CONVERSION_FAILED',
    );
  });

  it('RCFG-019: an array element of the wrong type is named as key[index]', () => {
    expect(errorOf(() => config.getStringArray('badStrings'))).toMatchObject({
      code: 'RCFG_TYPE_MISMATCH',
      configPath: 'badStrings[1]',
    });
    expect(errorOf(() => config.getConfigArray('badList'))).toMatchObject({
      code: 'RCFG_TYPE_MISMATCH',
      configPath: 'badList[1]',
    });
    expect(errorOf(() => config.getOptionalStringArray('list'))).toMatchObject({
      configPath: 'list[0]',
    });
  });

  it('RCFG-020: views report full paths, including array elements', () => {
    const db = config.getConfig('backend').getConfig('database');
    expect(errorOf(() => db.getNumber('connection.port'))).toMatchObject({
      code: 'RCFG_CONVERSION_FAILED',
      configPath: 'backend.database.connection.port',
    });
    expect(errorOf(() => db.getString('connection.missing')).configPath).toBe(
      'backend.database.connection.missing',
    );
    const second = config.getConfigArray('list')[1]!;
    expect(second.getNumber('a')).toBe(2);
    expect(errorOf(() => second.getString('a')).configPath).toBe('list[1].a');
  });

  it('RCFG-021: a view presents the merged value of every source at its path', () => {
    const snapshot: ConfigSnapshot = {
      data: { backend: { a: 1, b: 2 } },
      sources: [
        { name: 'app-config.yaml', data: { backend: { a: 1 } } },
        { name: 'app-config.local.yaml', data: { backend: { b: 2 } } },
      ],
    };
    const view = new ConfigReader({ current: () => snapshot }).getConfig('backend');
    expect([view.getNumber('a'), view.getNumber('b')]).toEqual([1, 2]);
  });

  it('RCFG-022: every error carries code and configPath', () => {
    for (const read of [
      () => config.getString('missing'),
      () => config.getNumber('text'),
      () => config.getBoolean('text'),
      () => config.get('..'),
    ]) {
      const error = errorOf(read);
      expect(typeof error.code).toBe('string');
      expect(typeof error.configPath).toBe('string');
    }
  });

  it('RCFG-023: errors name the source that supplied the offending value', () => {
    const snapshot: ConfigSnapshot = {
      data: { a: { b: 'x', c: 1 } },
      sources: [
        { name: '/etc/app-config.yaml', data: { a: { b: 'y', c: 1 } } },
        { name: 'env', data: { a: { b: 'x' } } },
      ],
    };
    const reader = new ConfigReader({ current: () => snapshot });
    expect(errorOf(() => reader.getNumber('a.b'))).toMatchObject({ source: 'env' });
    expect(errorOf(() => reader.getString('a.c'))).toMatchObject({
      source: '/etc/app-config.yaml',
    });
    expect(errorOf(() => reader.getString('a.c')).message).toContain('in /etc/app-config.yaml');
  });

  it('RCFG-024: a reader over fixed data has no subscribe', () => {
    expect(config.subscribe).toBeUndefined();
  });
});
