import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchemaValidator, type ConfigSchema } from './ConfigSchemaValidator.js';
import {
  SPEC_CONFIG_VALIDATOR_PATH,
  generateSpecConfigValidatorSource,
} from './generateSpecConfigValidator.js';
import { SPEC_SCHEMAS_HASH } from './generated/specConfigValidator.js';
import type { JsonObject } from './jsonValues.js';
import { loadProductionConfig } from './fixtures/productionConfig.js';
import { loadSpecSchemas, readSpecSchemaFiles } from './loadSpecSchemas.js';

let production: JsonObject;

beforeAll(async () => {
  production = await loadProductionConfig();
});

describe('the precompiled validator of the spec schemas', () => {
  it('CONF-055: is generated from the schemas as they are now (regenerate with npm run generate:config-validator)', async () => {
    const { schema, hash } = await readSpecSchemaFiles();
    expect(SPEC_SCHEMAS_HASH).toBe(hash);
    const packageRoot = new URL('../../../', import.meta.url);
    const onDisk = await readFile(new URL(SPEC_CONFIG_VALIDATOR_PATH, packageRoot), 'utf8');
    expect(onDisk === generateSpecConfigValidatorSource(schema, hash)).toBe(true);
  });

  it('CONF-061, CONF-067: finds the same problems and secrets as the schemas compiled at run time', async () => {
    const precompiled = ConfigSchemaValidator.create([await loadSpecSchemas()]);
    // A fresh object is not in the cache of compiled schemas, so this one compiles with ajv.
    const { schema } = await readSpecSchemaFiles();
    const compiled = ConfigSchemaValidator.create([{ ...schema } satisfies ConfigSchema]);
    const documents: JsonObject[] = [
      production,
      { backend: { baseUrl: 'http://localhost:7007' } },
      {},
      {
        backend: {
          listen: { port: 'abc', bogus: 1 },
          logger: { level: 'loud', overrides: [{ matchers: {}, level: 'shout' }] },
          lifecycle: { serverShutdownDelay: '5000' },
          database: { client: 'pg', connection: { host: 'db', port: 'x', password: 'pw' } },
          auth: { keys: [{ secret: 'k1' }], externalAccess: [{ type: 'legacy' }] },
          cache: { store: 'redis', connection: 'redis://user:pass@host' },
        },
      },
    ];
    for (const document of documents) {
      expect(precompiled.validate(document)).toEqual(compiled.validate(document));
    }
    expect(precompiled.validate(production).secrets.size).toBeGreaterThan(0);
    expect(precompiled.validate({}).problems).not.toEqual([]);
  });
});
