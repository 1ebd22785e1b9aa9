import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Ajv } from 'ajv';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { AnyValidateFunction } from 'ajv/dist/types/index.js';
import type { ConfigKeywordHooks, ConfigSchema } from './ConfigSchemaValidator.js';
import { findPackageDir } from './collectPackageSchemas.js';
import type { EnvSource } from './substituteEnv.js';
import { writeFileAtomically } from './writeFileAtomically.js';

const require = createRequire(import.meta.url);

/** Turns the cache off (`off`) or names its directory (any other non-empty value). */
export const CONFIG_SCHEMA_CACHE_ENV = 'OPENSTAGE_CONFIG_SCHEMA_CACHE';

/** The factory a cache file exports: what generated code calls back into, and its `require`. */
type ValidatorFactory = (hooks: ConfigKeywordHooks, require: NodeJS.Require) => ValidateFunction;

/**
 * Validators of config schemas compiled on earlier starts, kept as files of ajv's standalone
 * code in `dir`, so that a start whose schemas have not changed loads no part of ajv's
 * compiler (which costs about as much as the rest of `rootConfig`'s startup).
 *
 * **Details**: a file is named after {@link ConfigValidatorCache.key}, which covers everything
 * that shapes the generated code. Failing to read or write the cache never fails a start: a file
 * that does not load is compiled again and overwritten, and a directory that cannot be written
 * is left alone.
 */
export class ConfigValidatorCache {
  /** The directory the files live in. */
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Where the cache of a backend started in `cwd` lives: `OPENSTAGE_CONFIG_SCHEMA_CACHE` when
   * set, else `node_modules/.cache/openstage/config-schemas` of the package containing `cwd`
   * (the backend package that package schemas are collected from). `undefined` when the
   * variable is `off` or `cwd` is in no package.
   */
  static locate(cwd: string, env: EnvSource): ConfigValidatorCache | undefined {
    const setting = env[CONFIG_SCHEMA_CACHE_ENV]?.trim();
    if (setting?.toLowerCase() === 'off') return undefined;
    if (setting) return new ConfigValidatorCache(resolve(cwd, setting));
    const packageDir = findPackageDir(cwd);
    return packageDir === undefined
      ? undefined
      : new ConfigValidatorCache(
          join(packageDir, 'node_modules', '.cache', 'openstage', 'config-schemas'),
        );
  }

  /**
   * The name of `source`'s compiled validator: a hash of the schema and its references (or of
   * its `digest`, which stands for both without parsing them), the mode, the versions of ajv
   * and ajv-formats, and `codeVersion`, the version of the keyword code that
   * `ConfigSchemaValidator` generates.
   */
  static key(source: ConfigSchema, strict: boolean, codeVersion: number): string {
    return createHash('sha256')
      .update(
        JSON.stringify([
          codeVersion,
          dependencyVersions(),
          strict,
          ...(source.digest === undefined
            ? [source.schema, source.references ?? []]
            : [{ digest: source.digest }]),
        ]),
      )
      .digest('hex');
  }

  /**
   * The validator stored under `key`, created with `hooks`; `undefined` when there is none or
   * its file does not load. `load` is the `require` that the file's own `require` calls go
   * through: it must resolve ajv's runtime helpers and ajv-formats.
   */
  load(key: string, hooks: ConfigKeywordHooks, load: NodeJS.Require): ValidateFunction | undefined {
    const file = this.#file(key);
    try {
      const factory: unknown = load(file);
      const validate: unknown =
        typeof factory === 'function' ? (factory as ValidatorFactory)(hooks, load) : undefined;
      return typeof validate === 'function' ? (validate as ValidateFunction) : undefined;
    } catch {
      // Missing, truncated or from an incompatible version: compiled again and overwritten.
      return undefined;
    } finally {
      // The factory has been called; keeping the module would hide a file rewritten later.
      delete load.cache[file];
    }
  }

  /** Stores `code` (from {@link standaloneValidatorCode}) under `key`; does nothing on failure. */
  save(key: string, code: string, location: string): void {
    writeFileAtomically(this.#file(key), toFactoryModule(code, location));
  }

  #file(key: string): string {
    // `.cjs`, as the package around the cache may be an ES module package.
    return join(this.dir, `${key}.cjs`);
  }
}

/**
 * ajv's standalone code for `validate`, compiled by `ajv` with `code.source` on: CommonJS that
 * sets `module.exports`, calls keyword hooks through a free `hooks`, and loads ajv's runtime
 * helpers and ajv-formats' checks through a free `require`. Those are what the module around it
 * must supply.
 */
export function standaloneValidatorCode(ajv: Ajv | Ajv2020, validate: AnyValidateFunction): string {
  type Standalone = (ajv: Ajv | Ajv2020, validate: AnyValidateFunction) => string;
  const standalone = (require('ajv/dist/standalone/index.js') as { default: Standalone }).default;
  return standalone(ajv, validate);
}

function toFactoryModule(code: string, location: string): string {
  return [
    `// rootConfig's validator for ${location.replace(/[\r\n]/g, ' ')}; safe to delete.`,
    "'use strict';",
    'module.exports = function createConfigValidator(hooks, require) {',
    '  const module = { exports: {} };',
    '  const exports = module.exports;',
    code,
    '  return module.exports;',
    '};',
    '',
  ].join('\n');
}

let versions: string[] | undefined;

function dependencyVersions(): string[] {
  versions ??= ['ajv', 'ajv-formats'].map(
    (name) => (require(`${name}/package.json`) as { version: string }).version,
  );
  return versions;
}
