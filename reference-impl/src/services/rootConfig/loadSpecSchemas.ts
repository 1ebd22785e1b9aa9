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
import { compileWithCodeCache, type CodeCachedScript } from './compileWithCodeCache.js';
import type { JsonObject } from './jsonValues.js';

const ROOT_SCHEMA = 'app-config.schema.json';
const require = createRequire(import.meta.url);
let cached: Promise<ConfigSchema> | undefined;
let unsavedCodeCache: CodeCachedScript | undefined;

/** What `generated/specConfigValidator.ts` exports. */
interface GeneratedValidator {
  SPEC_SCHEMAS_HASH: string;
  SPEC_CONFIG_VALIDATOR_CODE_HASH: string;
  SPEC_CONFIG_VALIDATOR_CODE: string;
}

/** The factory the generated validator code evaluates to. */
type ValidatorFactory = (hooks: ConfigKeywordHooks, require: NodeJS.Require) => ValidateFunction;

/**
 * The JSON Schemas published in `@openstage/spec/schemas` (CONF-055), as one schema rooted at
 * `app-config.schema.json` with the others as its references. Read once per process.
 *
 * **Details**: when the files still have the content hash that
 * `generated/specConfigValidator.ts` was generated from, that precompiled validator is
 * installed for the returned schema, and validating against it compiles nothing. It is compiled
 * with V8's code cache in `codeCacheDir` when one is given (the first call's options count);
 * call {@link saveSpecValidatorCodeCache} once it has validated a document.
 */
export function loadSpecSchemas(options: { codeCacheDir?: string } = {}): Promise<ConfigSchema> {
  cached ??= readAndRegister(options.codeCacheDir).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/**
 * Writes the code cache of the precompiled validator if its compile did not use one; a no-op
 * after the first call. Called after the first validation, so that the cache also holds the
 * functions that validation compiled.
 */
export function saveSpecValidatorCodeCache(): void {
  unsavedCodeCache?.saveCodeCache();
  unsavedCodeCache = undefined;
}

async function readAndRegister(codeCacheDir: string | undefined): Promise<ConfigSchema> {
  // The import first: its file is read off the main thread while the schemas are read on it.
  const [generated, { schema, hash }] = await Promise.all([
    import('./generated/specConfigValidator.js') as Promise<GeneratedValidator>,
    readSpecSchemaFiles(),
  ]);
  if (generated.SPEC_SCHEMAS_HASH === hash) {
    const script = compileWithCodeCache(generated.SPEC_CONFIG_VALIDATOR_CODE, {
      name: 'spec-config-validator',
      key: generated.SPEC_CONFIG_VALIDATOR_CODE_HASH,
      cacheDir: codeCacheDir,
    });
    const create = script.value as ValidatorFactory;
    registerPrecompiledSchema(schema, (hooks) => create(hooks, require));
    unsavedCodeCache = script;
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
