import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isConfigError } from './ConfigError.js';
import { ConfigSchemaValidator, type ConfigSchema } from './ConfigSchemaValidator.js';
import { CONFIG_SCHEMA_CACHE_ENV, ConfigValidatorCache } from './ConfigValidatorCache.js';
import { DefaultRootConfig } from './DefaultRootConfig.js';
import type { JsonObject } from './jsonValues.js';

let dir: string;
let cache: ConfigValidatorCache;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-schema-cache-'));
  cache = new ConfigValidatorCache(join(dir, 'cache'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DRAFT_07: ConfigSchema = {
  packageName: '@acme/plugin-bookmarks',
  location: '/x/node_modules/@acme/plugin-bookmarks/package.json#configSchema',
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      bookmarks: {
        type: 'object',
        properties: {
          apiToken: { type: 'string', visibility: 'secret' },
          baseUrl: { type: 'string', format: 'uri', visibility: 'frontend' },
          limit: { type: 'integer', minimum: 1 },
          auth: { $ref: '#/definitions/auth' },
        },
      },
    },
    definitions: {
      auth: {
        type: 'object',
        properties: { password: { type: 'string' } },
        deepVisibility: 'secret',
      },
    },
  },
};

const DRAFT_2020: ConfigSchema = {
  packageName: '@acme/plugin-links',
  location: '/x/node_modules/@acme/plugin-links/config.schema.json',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { links: { $ref: 'https://acme.dev/links.schema.json' } },
  },
  references: [
    {
      $id: 'https://acme.dev/links.schema.json',
      type: 'object',
      properties: {
        token: { type: 'string', visibility: 'secret' },
        items: { type: 'array', items: { type: 'string', pattern: '^/' } },
      },
    },
  ],
};

const DOCUMENTS: JsonObject[] = [
  {
    bookmarks: {
      apiToken: 'tok-123',
      baseUrl: 'https://bookmarks.example.com',
      limit: 5,
      auth: { password: 'pw-1', extra: { hidden: 'deep-secret' } },
      misspelt: true,
    },
    links: { token: 'link-token', items: ['/a', '/b'], colour: 'red' },
    unknownSection: { a: 1 },
  },
  {
    bookmarks: { apiToken: 42, baseUrl: 'not a uri', limit: 0 },
    links: { token: ['x'], items: ['relative'] },
  },
  {},
];

/** A copy, so that the in-memory cache of compiled schemas (keyed by object) does not answer. */
function fresh(source: ConfigSchema): ConfigSchema {
  return { ...source };
}

async function cachedFiles(): Promise<string[]> {
  return (await readdir(cache.dir).catch(() => [])).sort();
}

const loads = globalThis as { cacheLoads?: number };

/** Makes cached `file` count its loads in `loads.cacheLoads`, from 0, so a test sees it was used. */
async function countLoads(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  await writeFile(file, `globalThis.cacheLoads = (globalThis.cacheLoads ?? 0) + 1;\n${text}`);
  loads.cacheLoads = 0;
}

/** The one file in the cache. */
async function onlyFile(): Promise<string> {
  const files = await cachedFiles();
  expect(files).toHaveLength(1);
  return join(cache.dir, files[0] ?? '');
}

describe('the disk cache of compiled config schemas', () => {
  it('stores a compiled schema and loads it, instead of compiling, on the next start', async () => {
    ConfigSchemaValidator.create([fresh(DRAFT_07)], { cache });
    const file = await onlyFile();
    expect(file).toMatch(/[/\\][0-9a-f]{64}\.cjs$/);
    expect(await readFile(file, 'utf8')).toContain('module.exports = function');

    // A stand-in that reports a problem the schema itself would never report: only a
    // validator read from the file can produce it.
    await writeFile(
      file,
      `module.exports = (hooks, require) => {
        const validate = () => {
          validate.errors = [{ instancePath: '/fromDisk', keyword: 'x', params: {}, message: 'loaded from the cache' }];
          return false;
        };
        return validate;
      };`,
    );
    const problems = ConfigSchemaValidator.create([fresh(DRAFT_07)], { cache }).validate(
      {},
    ).problems;
    expect(problems).toEqual([
      { path: 'fromDisk', message: 'loaded from the cache (schema of @acme/plugin-bookmarks)' },
    ]);
  });

  it('CONF-061, CONF-065, CONF-067: a validator loaded from the cache finds the same problems, secrets and undeclared keys as a compiled one', async () => {
    for (const strict of [false, true]) {
      cache = new ConfigValidatorCache(join(dir, `cache-${strict}`));
      const compiled = ConfigSchemaValidator.create([fresh(DRAFT_07), fresh(DRAFT_2020)], {
        strict,
        cache,
      });
      // Counts loads, so the comparison below is known to use the files.
      for (const name of await cachedFiles()) await countLoads(join(cache.dir, name));
      const cached = ConfigSchemaValidator.create([fresh(DRAFT_07), fresh(DRAFT_2020)], {
        strict,
        cache,
      });
      expect(loads.cacheLoads).toBe(2);
      for (const document of DOCUMENTS) {
        expect(cached.validate(document)).toEqual(compiled.validate(document));
      }
      const first = cached.validate(DOCUMENTS[0] ?? {});
      expect(first.secrets).toEqual(new Set(['tok-123', 'pw-1', 'deep-secret', 'link-token']));
      const undeclared = first.problems.filter((p) => p.message.includes('strict mode'));
      expect(undeclared.map((p) => p.path)).toEqual(
        strict
          ? ['bookmarks.auth.extra', 'bookmarks.misspelt', 'links.colour', 'unknownSection']
          : [],
      );
      expect(cached.validate(DOCUMENTS[1] ?? {}).problems.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('keeps strict and plain validators of one schema apart', async () => {
    expect(ConfigValidatorCache.key(DRAFT_07, true, 1)).not.toBe(
      ConfigValidatorCache.key(DRAFT_07, false, 1),
    );
    expect(ConfigValidatorCache.key(DRAFT_07, false, 2)).not.toBe(
      ConfigValidatorCache.key(DRAFT_07, false, 1),
    );
    ConfigSchemaValidator.create([fresh(DRAFT_07)], { cache });
    ConfigSchemaValidator.create([fresh(DRAFT_07)], { strict: true, cache });
    expect(await cachedFiles()).toHaveLength(2);
    const strict = ConfigSchemaValidator.create([fresh(DRAFT_07)], { strict: true, cache });
    expect(strict.validate({ bookmarks: { misspelt: 1 } }).problems).toEqual([
      { path: 'bookmarks.misspelt', message: 'is not declared by any schema (strict mode)' },
    ]);
  });

  it.each([
    ['does not parse', 'module.exports = function ('],
    ['does not export a function', 'module.exports = 42;'],
    ['exports a factory that returns no function', 'module.exports = () => 42;'],
  ])('compiles again, and overwrites, a cached file that %s', async (_, text) => {
    ConfigSchemaValidator.create([fresh(DRAFT_07)], { cache });
    const file = await onlyFile();
    await writeFile(file, text);
    const validator = ConfigSchemaValidator.create([fresh(DRAFT_07)], { cache });
    expect(validator.validate({ bookmarks: { limit: 0 } }).problems).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toContain('module.exports = function');
    // The rewritten file is the one the next start loads, not the broken one from before.
    await countLoads(file);
    const again = ConfigSchemaValidator.create([fresh(DRAFT_07)], { cache });
    expect(loads.cacheLoads).toBe(1);
    expect(again.validate({ bookmarks: { limit: 0 } }).problems).toHaveLength(1);
  });

  it('compiles in memory, without failing, when the cache directory cannot be created', async () => {
    await writeFile(join(dir, 'file'), 'not a directory');
    const blocked = new ConfigValidatorCache(join(dir, 'file', 'cache'));
    for (let i = 0; i < 2; i++) {
      const validator = ConfigSchemaValidator.create([fresh(DRAFT_07)], { cache: blocked });
      expect(validator.validate({ bookmarks: { apiToken: 's' } }).secrets).toEqual(new Set(['s']));
    }
    expect(await readdir(dir)).toEqual(['file']);
  });

  it('CONF-059: never stores an invalid schema, which still fails with CONF_SCHEMA_INVALID naming package and location', async () => {
    const bad: ConfigSchema = {
      packageName: '@acme/bad',
      location: '/x/package.json#configSchema',
      schema: { type: 'object', properties: { a: { type: 'no-such-type' } } },
    };
    for (let i = 0; i < 2; i++) {
      let error: unknown;
      try {
        ConfigSchemaValidator.create([fresh(bad)], { cache });
      } catch (caught) {
        error = caught;
      }
      expect(isConfigError(error, 'CONF_SCHEMA_INVALID')).toBe(true);
      expect((error as Error).message).toContain('@acme/bad');
      expect((error as Error).message).toContain('/x/package.json#configSchema');
    }
    expect(await cachedFiles()).toEqual([]);
  });
});

describe('where the cache of a backend lives', () => {
  it('is node_modules/.cache/openstage/config-schemas of the package containing cwd', async () => {
    await writeFile(join(dir, 'package.json'), '{"name":"backend"}');
    await mkdir(join(dir, 'src', 'deep'), { recursive: true });
    expect(ConfigValidatorCache.locate(join(dir, 'src', 'deep'), {})?.dir).toBe(
      join(dir, 'node_modules', '.cache', 'openstage', 'config-schemas'),
    );
  });

  it(`is ${CONFIG_SCHEMA_CACHE_ENV} when set, relative to cwd, and nowhere when it is off`, () => {
    const env = (value: string) => ({ [CONFIG_SCHEMA_CACHE_ENV]: value });
    expect(ConfigValidatorCache.locate(dir, env('schemas'))?.dir).toBe(join(dir, 'schemas'));
    expect(ConfigValidatorCache.locate(dir, env('/elsewhere'))?.dir).toBe('/elsewhere');
    expect(ConfigValidatorCache.locate(dir, env('off'))).toBeUndefined();
  });

  it('is nowhere outside a package', () => {
    expect(ConfigValidatorCache.locate(dir, {})).toBeUndefined();
  });

  it('rootConfig stores package schemas there, unless the cache is off', async () => {
    await writeFile(join(dir, 'package.json'), '{"name":"backend"}');
    await writeFile(join(dir, 'app-config.yaml'), 'backend:\n  baseUrl: http://localhost:7007\n');
    const start = async (env: Record<string, string>) =>
      (
        await DefaultRootConfig.create({
          cwd: dir,
          argv: [],
          env,
          watch: false,
          packageSchemas: false,
          schemas: [fresh(DRAFT_07)],
          logger: { info: () => {}, warn: () => {}, error: () => {} },
        })
      ).close();
    await start({ [CONFIG_SCHEMA_CACHE_ENV]: 'off' });
    expect((await readdir(dir)).sort()).toEqual(['app-config.yaml', 'package.json']);
    await start({});
    cache = new ConfigValidatorCache(
      join(dir, 'node_modules', '.cache', 'openstage', 'config-schemas'),
    );
    // The compiled validator, beside the record of the document that passed (PassedConfigCache).
    const files = await cachedFiles();
    expect(files.filter((file) => file.startsWith('passed-'))).toHaveLength(1);
    const validators = files.filter((file) => file.endsWith('.cjs'));
    expect(validators).toHaveLength(1);
    expect(await readFile(join(cache.dir, validators[0] ?? ''), 'utf8')).toContain(
      DRAFT_07.location,
    );
  });
});
