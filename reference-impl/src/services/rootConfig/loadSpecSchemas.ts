import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import {
  registerPrecompiledSchema,
  type ConfigKeywordHooks,
  type ConfigSchema,
} from './ConfigSchemaValidator.js';
import type { JsonObject } from './jsonValues.js';

const ROOT_SCHEMA = 'app-config.schema.json';
let cached: Promise<ConfigSchema> | undefined;

/**
 * The JSON Schemas published in `@openstage/spec/schemas` (CONF-055), as one schema rooted at
 * `app-config.schema.json` with the others as its references. Read once per process.
 *
 * **Details**: when the files still have the content hash that
 * `generated/specConfigValidator.ts` was generated from, that precompiled validator is
 * installed for the returned schema, and validating against it compiles nothing.
 */
export function loadSpecSchemas(): Promise<ConfigSchema> {
  cached ??= readAndRegister().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readAndRegister(): Promise<ConfigSchema> {
  // The import first: its file is read off the main thread while the schemas are read on it.
  const [generated, { schema, hash }] = await Promise.all([
    import('./generated/specConfigValidator.js') as Promise<{
      SPEC_SCHEMAS_HASH: string;
      createSpecConfigValidator: (hooks: ConfigKeywordHooks) => ValidateFunction;
    }>,
    readSpecSchemaFiles(),
  ]);
  if (generated.SPEC_SCHEMAS_HASH === hash) {
    registerPrecompiledSchema(schema, generated.createSpecConfigValidator);
  }
  return schema;
}

/**
 * Reads the spec's schema files: the combined schema and the hash of the files' names and
 * contents, which tells whether the precompiled validator still matches them.
 */
export async function readSpecSchemaFiles(): Promise<{ schema: ConfigSchema; hash: string }> {
  const specDir = dirname(createRequire(import.meta.url).resolve('@openstage/spec/package.json'));
  const schemaDir = join(specDir, 'schemas');
  // Synchronous: 21 small files read on every start, where a round trip through the thread pool
  // per file cost several times the reading itself (issue 10).
  const files = readdirSync(schemaDir)
    .filter((file) => file.endsWith('.schema.json'))
    .sort();
  const texts = files.map((file) => readFileSync(join(schemaDir, file), 'utf8'));
  const digest = createHash('sha256');
  const schemas = new Map<string, JsonObject>();
  files.forEach((file, index) => {
    const text = texts[index] ?? '';
    digest.update(`${file}\u0000${text}\u0000`);
    schemas.set(file, JSON.parse(text) as JsonObject);
  });
  const root = schemas.get(ROOT_SCHEMA);
  if (!root) throw new Error(`${join(schemaDir, ROOT_SCHEMA)} is missing from @openstage/spec`);
  schemas.delete(ROOT_SCHEMA);
  return {
    schema: {
      schema: root,
      location: join(schemaDir, ROOT_SCHEMA),
      references: [...schemas.values()],
    },
    hash: digest.digest('hex'),
  };
}
