import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import {
  registerPrecompiledSchema,
  type ConfigKeywordHooks,
  type ConfigSchema,
} from './ConfigSchemaValidator.js';
import { compileWithCodeCache, type CodeCachedScript } from './compileWithCodeCache.js';
import { readSchemaFolder, type SchemaFolder } from './readSchemaFolder.js';

const ROOT_SCHEMA = 'app-config.schema.json';
const require = createRequire(import.meta.url);
let read: SpecSchemas | undefined;
let installing: Promise<void> | undefined;
let unsavedCodeCache: CodeCachedScript | undefined;

/** The spec's schemas as one {@link ConfigSchema}, and the content hash of their files. */
export type SpecSchemas = SchemaFolder;

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
 * `app-config.schema.json` with the others as its references, with the precompiled validator
 * installed for it (see {@link installSpecValidator}). Read once per process.
 */
export async function loadSpecSchemas(): Promise<ConfigSchema> {
  const { schema } = readSpecSchemas();
  await installSpecValidator();
  return schema;
}

/**
 * The spec's schemas and their hash, read once per process: every call returns the same object,
 * which is what compiled validators are kept by. Reads no validator code, and parses the schema
 * files only when `schema.schema` or `schema.references` is first read; until then the schema
 * is known by its `digest`, the content hash.
 */
export function readSpecSchemas(): SpecSchemas {
  read ??= readSpecSchemaFilesNow();
  return read;
}

/**
 * When the spec's schema files still have the content hash that
 * `generated/specConfigValidator.ts` was generated from, installs that precompiled validator for
 * {@link readSpecSchemas}' schema, so that validating against it compiles nothing; otherwise
 * the schema is compiled when first used. Runs once per process.
 *
 * **Details**: the validator is compiled with V8's code cache in `codeCacheDir` when one is given
 * (the first call's directory counts); call {@link saveSpecValidatorCodeCache} once it has
 * validated a document.
 */
export function installSpecValidator(codeCacheDir?: string): Promise<void> {
  installing ??= install(codeCacheDir).catch((error: unknown) => {
    installing = undefined;
    throw error;
  });
  return installing;
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

async function install(codeCacheDir: string | undefined): Promise<void> {
  const { schema, hash } = readSpecSchemas();
  const generated = (await import('./generated/specConfigValidator.js')) as GeneratedValidator;
  if (generated.SPEC_SCHEMAS_HASH !== hash) return;
  const script = compileWithCodeCache(generated.SPEC_CONFIG_VALIDATOR_CODE, {
    name: 'spec-config-validator',
    key: generated.SPEC_CONFIG_VALIDATOR_CODE_HASH,
    cacheDir: codeCacheDir,
  });
  const create = script.value as ValidatorFactory;
  registerPrecompiledSchema(schema, (hooks) => create(hooks, require));
  unsavedCodeCache = script;
}

/**
 * Reads the spec's schema files afresh: the combined schema and the hash of the files' names and
 * contents, which tells whether the precompiled validator still matches them.
 */
export async function readSpecSchemaFiles(): Promise<SpecSchemas> {
  return readSpecSchemaFilesNow();
}

function readSpecSchemaFilesNow(): SpecSchemas {
  const specDir = dirname(require.resolve('@openstage/spec/package.json'));
  return readSchemaFolder(join(specDir, 'schemas'), ROOT_SCHEMA, '@openstage/spec');
}
