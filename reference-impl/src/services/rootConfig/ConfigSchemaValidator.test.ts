import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigReader } from './ConfigReader.js';
import { isConfigError } from './ConfigError.js';
import { ConfigSchemaValidator, type ConfigSchema } from './ConfigSchemaValidator.js';
import { collectSecrets } from './collectSecrets.js';
import type { JsonObject } from './jsonValues.js';
import { loadProductionConfig, PRODUCTION_ENV } from './fixtures/productionConfig.js';
import { loadSpecSchemas, readSpecSchemaFiles, readSpecSchemas } from './loadSpecSchemas.js';
import { validateConfig } from './validateConfig.js';

let spec: ConfigSchema;
let production: JsonObject;

beforeAll(async () => {
  spec = await loadSpecSchemas();
  production = await loadProductionConfig();
});

function minimal(backend: JsonObject = {}): JsonObject {
  return { backend: { baseUrl: 'http://localhost:7007', ...backend } };
}

function validationError(fn: () => unknown): {
  problems: Array<{ path: string; message: string }>;
  message: string;
} {
  try {
    fn();
  } catch (error) {
    if (isConfigError(error, 'CONF_SCHEMA_VALIDATION_FAILED')) return error;
    throw error;
  }
  throw new Error('expected validation to fail');
}

describe('schema validation', () => {
  it('CONF-055: the production example config validates against the spec schemas', () => {
    const validator = ConfigSchemaValidator.create([spec]);
    expect(validator.validate(production).problems).toEqual([]);
    expect(() => validateConfig(production, validator)).not.toThrow();
  });

  it('CONF-055: the smallest valid config holds only backend.baseUrl', () => {
    expect(ConfigSchemaValidator.create([spec]).validate(minimal()).problems).toEqual([]);
  });

  it('CONF-061, CONF-062: every violation is listed with its config path, in path order', () => {
    const config: JsonObject = {
      backend: {
        listen: { port: 'abc', bogus: 1 },
        logger: {
          level: 'loud',
          overrides: [
            { matchers: {}, level: 'warn' },
            { matchers: {}, level: 'shout' },
          ],
        },
        lifecycle: { serverShutdownDelay: '5000' },
        database: { client: 'pg', connection: { host: 'db', port: 'x' } },
      },
    };
    const error = validationError(() =>
      validateConfig(config, ConfigSchemaValidator.create([spec])),
    );
    const paths = [...new Set(error.problems.map((p) => p.path))];
    expect(paths).toEqual(
      expect.arrayContaining([
        'backend.baseUrl',
        'backend.listen.bogus',
        'backend.listen.port',
        'backend.logger.level',
        'backend.logger.overrides[1].level',
        'backend.lifecycle.serverShutdownDelay',
      ]),
    );
    expect(paths).toEqual([...paths].sort());
    expect(error.problems.find((p) => p.path === 'backend.baseUrl')?.message).toBe('is required');
    expect(error.problems.find((p) => p.path === 'backend.logger.level')?.message).toMatch(
      /must be one of .*"info"/,
    );
    for (const path of [
      'backend.baseUrl',
      'backend.listen.port',
      'backend.logger.overrides[1].level',
    ]) {
      expect(error.message).toContain(path);
    }
  });

  it('CONF-064: keys that no schema declares are accepted by default', () => {
    const result = ConfigSchemaValidator.create([spec]).validate({
      ...minimal({ myPlugin: { x: 1 } }),
      catalog: { anything: true },
    });
    expect(result.problems).toEqual([]);
  });

  it('CONF-065: strict mode reports every undeclared key, and only those', () => {
    const catalogSchema: JsonObject = {
      type: 'object',
      properties: { catalog: { type: 'object', properties: { rules: { type: 'array' } } } },
    };
    const validator = ConfigSchemaValidator.create(
      [spec, { schema: catalogSchema, location: 'catalog schema' }],
      { strict: true },
    );
    // Sections a schema leaves open on purpose (`additionalProperties: true`: the document, the
    // backend and permission sections, Knex connection options) declare every key.
    expect(validator.validate(production).problems).toEqual([]);
    const typo = validator.validate({
      ...minimal({
        logger: { levle: 'warn' },
        database: { client: 'pg', connection: { host: 'h', sslmode: 'x' } },
      }),
      catalog: { rule: [], rules: [] },
    });
    expect(typo.problems).toEqual([
      { path: 'backend.logger.levle', message: 'is not an allowed key here' },
      { path: 'catalog.rule', message: 'is not declared by any schema (strict mode)' },
    ]);
    expect(
      ConfigSchemaValidator.create([spec, { schema: catalogSchema, location: 'c' }]).validate({
        ...minimal(),
        catalog: { rule: [] },
      }).problems,
    ).toEqual([]);
  });

  it('CONF-066: additional schemas are validated like package schemas', () => {
    const pluginSchema: JsonObject = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['todo'],
      properties: {
        todo: { type: 'object', properties: { limit: { type: 'integer', minimum: 1 } } },
      },
    };
    const validator = ConfigSchemaValidator.create([
      spec,
      { schema: pluginSchema, location: 'todo', packageName: '@acme/todo' },
    ]);
    expect(validator.validate(minimal()).problems).toEqual([
      { path: 'todo', message: 'is required (schema of @acme/todo)' },
    ]);
    expect(validator.validate({ ...minimal(), todo: { limit: 0 } }).problems).toEqual([
      { path: 'todo.limit', message: 'must be >= 1 (schema of @acme/todo)' },
    ]);
  });

  it('CONF-056: a schema is draft 2020-12 when its $schema says so and draft-07 otherwise', () => {
    const tuple: JsonObject = {
      type: 'object',
      properties: { pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] } },
    };
    const draft07 = ConfigSchemaValidator.create([{ schema: tuple, location: 'tuple' }]);
    expect(draft07.validate({ pair: ['a', 1] }).problems).toEqual([]);
    expect(draft07.validate({ pair: [1, 'a'] }).problems.map((p) => p.path)).toEqual([
      'pair[0]',
      'pair[1]',
    ]);
    // The array form of `items` is not valid in draft 2020-12.
    let error: unknown;
    try {
      ConfigSchemaValidator.create([
        {
          schema: { ...tuple, $schema: 'https://json-schema.org/draft/2020-12/schema' },
          location: 'tuple-2020',
        },
      ]);
    } catch (e) {
      error = e;
    }
    expect(isConfigError(error, 'CONF_SCHEMA_INVALID')).toBe(true);
  });

  it('CONF-059: a schema that is not valid JSON Schema fails with CONF_SCHEMA_INVALID naming package and location', () => {
    let error: unknown;
    try {
      ConfigSchemaValidator.create([
        {
          schema: { type: 'objekt' },
          location: '/x/package.json#configSchema',
          packageName: '@acme/bad',
        },
      ]);
    } catch (e) {
      error = e;
    }
    expect(isConfigError(error, 'CONF_SCHEMA_INVALID')).toBe(true);
    expect((error as Error).message).toContain('@acme/bad');
    expect((error as Error).message).toContain('/x/package.json#configSchema');
  });

  it('CONF-060: frontend and secret visibility on one path fails with CONF_SCHEMA_INVALID naming the path', () => {
    const a: JsonObject = {
      type: 'object',
      properties: {
        app: { type: 'object', properties: { key: { type: 'string', visibility: 'frontend' } } },
      },
    };
    const b: JsonObject = {
      type: 'object',
      properties: {
        app: { type: 'object', properties: { key: { type: 'string', visibility: 'secret' } } },
      },
    };
    const validator = ConfigSchemaValidator.create([
      { schema: a, location: 'a' },
      { schema: b, location: 'b' },
    ]);
    let error: unknown;
    try {
      validator.validate({ app: { key: 'k' } });
    } catch (e) {
      error = e;
    }
    expect(isConfigError(error, 'CONF_SCHEMA_INVALID')).toBe(true);
    expect((error as { configPath: string }).configPath).toBe('app.key');
  });
});

describe('secrets', () => {
  it('CONF-067: collects exactly the strings at paths marked visibility: secret', () => {
    const secrets = ConfigSchemaValidator.create([spec]).validate(production).secrets;
    expect([...secrets].sort()).toEqual(
      [
        PRODUCTION_ENV.TLS_KEY,
        PRODUCTION_ENV.CI_TOKEN,
        PRODUCTION_ENV.LEGACY_SECRET,
        PRODUCTION_ENV.POSTGRES_PASSWORD,
        `redis://backstage:${PRODUCTION_ENV.REDIS_PASSWORD}@redis.internal:6379`,
      ].sort(),
    );
  });

  it('CONF-067: a string connection is secret, an object connection only in its password', () => {
    const validator = ConfigSchemaValidator.create([spec]);
    const asString = validator.validate(
      minimal({ database: { client: 'pg', connection: 'postgresql://u:p@h/db' } }),
    );
    expect([...asString.secrets]).toEqual(['postgresql://u:p@h/db']);
    const asObject = validator.validate(
      minimal({ database: { client: 'pg', connection: { host: 'h', user: 'u', password: 'pw' } } }),
    );
    expect([...asObject.secrets]).toEqual(['pw']);
  });

  it('CONF-067: deepVisibility: secret, and visibility: secret on a mapping, mark every string below', () => {
    const schema: JsonObject = {
      type: 'object',
      properties: {
        vault: { type: 'object', deepVisibility: 'secret' },
        cluster: {
          type: 'object',
          properties: { defaults: { type: 'object', visibility: 'secret' } },
        },
      },
    };
    const { secrets } = ConfigSchemaValidator.create([{ schema, location: 's' }]).validate({
      vault: { a: 'one', nested: { b: 'two', list: ['three'] }, n: 4 },
      cluster: { defaults: { password: 'four' }, other: 'public' },
    });
    expect([...secrets].sort()).toEqual(['four', 'one', 'three', 'two']);
  });

  it('CONF-067: collectSecrets reads a Config or plain data with raw or described schemas', () => {
    const data = minimal({ database: { client: 'pg', connection: { password: 'pw' } } });
    expect([...collectSecrets(ConfigReader.fromData(data), [spec])]).toEqual(['pw']);
    const raw: JsonObject = {
      type: 'object',
      properties: { x: { type: 'string', visibility: 'secret' } },
    };
    expect([...collectSecrets({ x: 'hidden', y: 'shown' }, [raw])]).toEqual(['hidden']);
  });

  it('CONF-068: validation problems do not quote secret values', () => {
    const config = minimal({
      auth: {
        externalAccess: [
          { type: 'static', options: { token: 'has whitespace-secret', subject: 's' } },
        ],
      },
      database: { client: 'pg', connection: { password: 12345 } },
    });
    const error = validationError(() =>
      validateConfig(config, ConfigSchemaValidator.create([spec])),
    );
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.message).not.toContain('whitespace-secret');
    expect(JSON.stringify(error.problems)).not.toContain('whitespace-secret');
    expect(error.message).not.toContain('12345');
  });
});

describe('fingerprints', () => {
  it('one per schema content and mode, the same however often asked', () => {
    const schema: ConfigSchema = {
      location: 'fingerprint.schema.json',
      schema: { type: 'object', properties: { a: { type: 'string' } } },
    };
    const plain = ConfigSchemaValidator.fingerprint(schema, false);
    const strict = ConfigSchemaValidator.fingerprint(schema, true);
    expect(strict).not.toBe(plain);
    expect(ConfigSchemaValidator.fingerprint(schema, false)).toBe(plain);
    expect(ConfigSchemaValidator.fingerprint(schema, true)).toBe(strict);
    // Another object with the same content has the same fingerprint; other content another one.
    expect(ConfigSchemaValidator.fingerprint({ ...schema }, false)).toBe(plain);
    const changed = { ...schema, schema: { type: 'object', required: ['a'] } };
    expect(ConfigSchemaValidator.fingerprint(changed, false)).not.toBe(plain);
  });

  it('stand on the digest of a schema that has one, without reading the schema', () => {
    const unparsed = (digest: string): ConfigSchema => ({
      location: 'lazy.schema.json',
      get schema(): JsonObject {
        throw new Error('the schema was read');
      },
      digest,
    });
    const first = ConfigSchemaValidator.fingerprint(unparsed('d1'), false);
    expect(ConfigSchemaValidator.fingerprint(unparsed('d1'), false)).toBe(first);
    expect(ConfigSchemaValidator.fingerprint(unparsed('d1'), true)).not.toBe(first);
    expect(ConfigSchemaValidator.fingerprint(unparsed('d2'), false)).not.toBe(first);
  });

  it("of the spec's schemas use their content hash; the files are parsed on first use", async () => {
    const { schema, hash } = await readSpecSchemaFiles();
    expect(schema.digest).toBe(hash);
    expect(readSpecSchemas().schema.digest).toBe(hash);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      ConfigSchemaValidator.fingerprint(schema, true);
      expect(parse).not.toHaveBeenCalled();
      const root = schema.schema;
      expect(parse).toHaveBeenCalled();
      const onDisk = JSON.parse(readFileSync(schema.location, 'utf8')) as JsonObject;
      expect(root).toEqual(onDisk);
      expect(schema.references?.length).toBeGreaterThan(0);
      expect(schema.schema).toBe(root);
    } finally {
      parse.mockRestore();
    }
  });
});
