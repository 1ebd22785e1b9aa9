import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isConfigError } from './ConfigError.js';
import type { ConfigSchema } from './ConfigSchemaValidator.js';
import { ConfigValidation } from './ConfigValidation.js';
import { ConfigValidatorCache } from './ConfigValidatorCache.js';
import type { JsonObject } from './jsonValues.js';

let dir: string;
let cache: ConfigValidatorCache;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-config-validation-'));
  cache = new ConfigValidatorCache(join(dir, 'cache'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SCHEMA: ConfigSchema = {
  location: '/x/node_modules/@acme/plugin-vault/config.schema.json',
  packageName: '@acme/plugin-vault',
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      vault: {
        type: 'object',
        required: ['url'],
        properties: {
          url: { type: 'string', format: 'uri' },
          token: { type: 'string', visibility: 'secret' },
          credentials: { type: 'object', deepVisibility: 'secret' },
        },
      },
    },
  },
};

const VALID: JsonObject = {
  vault: {
    url: 'https://vault.example.com',
    token: 's3cr3t-token',
    credentials: { user: 'svc', password: 'pw-42', nested: { key: 'k-9' } },
  },
};

/** A validation over a fresh copy of SCHEMA that counts its compiles and validator runs. */
function validation(options: { strict?: boolean; schema?: ConfigSchema; cached?: boolean } = {}) {
  const counts = { compiles: 0, runs: 0 };
  const instance = new ConfigValidation({
    schemas: [{ ...(options.schema ?? SCHEMA) }],
    strict: options.strict ?? false,
    ...(options.cached === false ? {} : { cache }),
    beforeCompile: async () => void counts.compiles++,
    afterValidating: () => void counts.runs++,
  });
  return { instance, counts };
}

async function passedFiles(): Promise<string[]> {
  return (await readdir(cache.dir).catch(() => [])).filter((file) => file.startsWith('passed-'));
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the validation to fail');
    },
    (error: unknown) => error,
  );
}

describe('ConfigValidation', () => {
  it('compiles nothing when the same document passed with the same schemas on an earlier start', async () => {
    const first = validation();
    const secrets = await first.instance.validate(VALID);
    expect(first.counts).toEqual({ compiles: 1, runs: 1 });

    const second = validation();
    expect(await second.instance.validate(structuredClone(VALID))).toEqual(secrets);
    expect(second.counts).toEqual({ compiles: 0, runs: 0 });
  });

  it('reads the secrets of a remembered document off its marks, deep ones included', async () => {
    await validation().instance.validate(VALID);
    const secrets = await validation().instance.validate(VALID);
    expect([...secrets].sort()).toEqual(['k-9', 'pw-42', 's3cr3t-token', 'svc']);
  });

  it('validates a changed document, and reports its problems', async () => {
    await validation().instance.validate(VALID);
    const next = validation();
    const error = await failure(
      next.instance.validate({ vault: { url: 'not a uri', token: 's3cr3t-token' } }),
    );
    expect(isConfigError(error) && error.code).toBe('CONF_SCHEMA_VALIDATION_FAILED');
    expect(next.counts).toEqual({ compiles: 1, runs: 1 });
  });

  it('never remembers a document that failed', async () => {
    const invalid: JsonObject = { vault: { token: 'x' } };
    await failure(validation().instance.validate(invalid));
    expect(await passedFiles()).toEqual([]);
    const again = validation();
    const error = await failure(again.instance.validate(invalid));
    expect(isConfigError(error, 'CONF_SCHEMA_VALIDATION_FAILED') && error.problems).toEqual([
      expect.objectContaining({ path: 'vault.url' }),
    ]);
    expect(again.counts.runs).toBe(1);
  });

  it('does not trust a document that passed with other schemas or in the other mode', async () => {
    await validation().instance.validate(VALID);

    const strict = validation({ strict: true });
    await strict.instance.validate(VALID);
    expect(strict.counts.runs).toBe(1);

    const stricterSchema: ConfigSchema = {
      ...SCHEMA,
      schema: { ...SCHEMA.schema, required: ['vault', 'audit'] },
    };
    const other = validation({ schema: stricterSchema });
    await expect(other.instance.validate(VALID)).rejects.toThrow(/audit/);
    expect(other.counts.runs).toBe(1);
  });

  it('validates again when the file is unreadable, and replaces it', async () => {
    await validation().instance.validate(VALID);
    const [file] = await passedFiles();
    await writeFile(join(cache.dir, file ?? ''), '{"digest": 1');
    const next = validation();
    await next.instance.validate(VALID);
    expect(next.counts.runs).toBe(1);
    expect(JSON.parse(await readFile(join(cache.dir, file ?? ''), 'utf8'))).toHaveProperty(
      'digest',
    );
  });

  it('validates on every start, and still succeeds, when the cache cannot be written', async () => {
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, 'a file where the cache folder would be');
    cache = new ConfigValidatorCache(join(blocked, 'cache'));
    const first = validation();
    const secrets = await first.instance.validate(VALID);
    expect(secrets).toContain('s3cr3t-token');
    const second = validation();
    expect(await second.instance.validate(VALID)).toEqual(secrets);
    expect(second.counts).toEqual({ compiles: 1, runs: 1 });
  });

  it('keeps no configured value on disk, in a file only its owner can read', async () => {
    await validation().instance.validate(VALID);
    const [file] = await passedFiles();
    const path = join(cache.dir, file ?? '');
    const text = await readFile(path, 'utf8');
    for (const value of ['s3cr3t-token', 'pw-42', 'k-9', 'svc', 'vault.example.com']) {
      expect(text).not.toContain(value);
    }
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('remembers in memory without a cache directory, for reloads of an unchanged document', async () => {
    const { instance, counts } = validation({ cached: false });
    await instance.validate(VALID);
    await instance.validate(structuredClone(VALID));
    expect(counts).toEqual({ compiles: 1, runs: 1 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a schema that does not compile on every document, not only the first', async () => {
    const broken: ConfigSchema = { ...SCHEMA, schema: { type: 'object', minProperties: 'x' } };
    const { instance, counts } = validation({ schema: broken });
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await failure(instance.validate(VALID));
      expect(isConfigError(error) && error.code).toBe('CONF_SCHEMA_INVALID');
    }
    expect(counts.compiles).toBe(2);
  });
});
