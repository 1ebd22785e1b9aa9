import type { ConfigSubscription, LoggerService } from '@openstage/spec';
import { ConfigError, isConfigError } from './ConfigError.js';
import { ConfigReader, type ConfigSnapshot } from './ConfigReader.js';
import type { ConfigSchema } from './ConfigSchemaValidator.js';
import { ConfigValidation } from './ConfigValidation.js';
import { collectPackageSchemas } from './collectPackageSchemas.js';
import { ConfigValidatorCache } from './ConfigValidatorCache.js';
import { durationToMilliseconds } from './durationToMilliseconds.js';
import { isDeepEqual } from './isDeepEqual.js';
import { isJsonObject, type JsonObject } from './jsonValues.js';
import {
  loadConfigSources,
  type LoadConfigSourcesOptions,
  type LoadedConfig,
} from './loadConfigSources.js';
import {
  installSpecValidator,
  readSpecSchemas,
  saveSpecValidatorCodeCache,
} from './loadSpecSchemas.js';
import type { EnvSource } from './substituteEnv.js';
import { watchFiles, type FileWatch } from './watchFiles.js';

/** The logging the configuration code does: the spec's logger, of which any one fits. */
export type ConfigLogger = Pick<LoggerService, 'info' | 'warn' | 'error'>;

/** Options of {@link DefaultRootConfig.create} and of the default `rootConfig` factory. */
export interface RootConfigOptions {
  /** Replaces `process.argv` as the source of `--config` arguments (RCFG-032). */
  argv?: ReadonlyArray<string>;
  /** Whether to reload when a loaded file changes; defaults to `true` (RCFG-034, RCFG-035). */
  watch?: boolean;
  /** Enables `--config` URLs, polled every `reloadInterval` (a duration) (RCFG-033, CONF-017). */
  remote?: { reloadInterval: unknown };
  /** Further JSON Schemas to validate against, like package schemas (CONF-066). */
  schemas?: ReadonlyArray<JsonObject | ConfigSchema>;
  /** Reports every key that no schema declares as a violation (CONF-065). */
  strict?: boolean;
  /** Replaces `process.cwd()` (CONF-002, CONF-008). */
  cwd?: string;
  /** Replaces `process.env`; read once, at creation (RCFG-036). */
  env?: EnvSource;
  /** Whether to collect the schemas that packages declare (CONF-054, CONF-074); defaults to `true`. */
  packageSchemas?: boolean;
  /** Where loading and reload failures are reported; defaults to the console. */
  logger?: ConfigLogger;
  /** How long file changes must settle before a reload; defaults to 100 ms. */
  watchDebounceMs?: number;
  /** Fetches a remote document; defaults to the global `fetch`. */
  fetchText?: (url: string) => Promise<string>;
}

const consoleLogger: ConfigLogger = {
  // Straight to stdout, as console.log would write it: the first console.log of a process costs
  // about a millisecond of console setup on every start (issue 10).
  info: (message) => void process.stdout.write(`${message}\n`),
  warn: (message, meta) => console.warn(message, meta ?? ''),
  error: (message, meta) => console.error(message, meta ?? ''),
};

/**
 * The default `rootConfig` implementation: loads and validates configuration once, serves it
 * through a {@link ConfigReader}, and reloads it when a watched file or a remote source changes.
 */
export class DefaultRootConfig {
  /** The `rootConfig` service. */
  readonly config: ConfigReader;
  readonly #load: LoadConfigSourcesOptions;
  readonly #validation: ConfigValidation;
  readonly #logger: ConfigLogger;
  readonly #listeners = new Set<() => void>();
  #snapshot: ConfigSnapshot;
  #secrets: ReadonlySet<string>;
  #watch: FileWatch | undefined;
  #timer: NodeJS.Timeout | undefined;
  #reloading: Promise<void> | undefined;
  #reloadAgain = false;
  #closed = false;

  private constructor(
    load: LoadConfigSourcesOptions,
    validation: ConfigValidation,
    logger: ConfigLogger,
    loaded: LoadedConfig,
    secrets: ReadonlySet<string>,
    live: boolean,
  ) {
    this.#load = load;
    this.#validation = validation;
    this.#logger = logger;
    this.#snapshot = { data: loaded.data, sources: loaded.sources };
    this.#secrets = secrets;
    this.config = new ConfigReader({
      current: () => this.#snapshot,
      ...(live ? { subscribe: (onChange: () => void) => this.#subscribe(onChange) } : {}),
    });
  }

  /**
   * Loads, merges and validates configuration (RCFG-031). Rejects with the first loading error
   * or with `CONF_SCHEMA_VALIDATION_FAILED` listing every violation (CONF-061).
   */
  static async create(options: RootConfigOptions = {}): Promise<DefaultRootConfig> {
    const cwd = options.cwd ?? process.cwd();
    const logger = options.logger ?? consoleLogger;
    const reloadMs =
      options.remote === undefined ? undefined : readReloadInterval(options.remote.reloadInterval);
    const load: LoadConfigSourcesOptions = {
      argv: [...(options.argv ?? process.argv)],
      cwd,
      // A copy, so that reloads see the environment as it was at startup (RCFG-036).
      env: { ...(options.env ?? process.env) },
      remote: options.remote !== undefined,
      ...(options.fetchText ? { fetchText: options.fetchText } : {}),
    };

    // Beside the packages whose schemas it holds, so a reinstall can drop it with them.
    const cache = ConfigValidatorCache.locate(cwd, load.env);
    // The spec's precompiled validator is imported only if a document has to be validated.
    const schemas: ConfigSchema[] = [readSpecSchemas().schema];
    if (options.packageSchemas ?? true) {
      const collected = await collectPackageSchemas(cwd, cache ? { cacheDir: cache.dir } : {});
      schemas.push(...collected.schemas);
      for (const { packageName, location } of collected.skipped) {
        logger.warn(
          `Skipping the TypeScript config schema of ${packageName}; only JSON schemas are validated`,
          { packageName, location },
        );
      }
    }
    (options.schemas ?? []).forEach((schema, index) => {
      schemas.push(
        isJsonObject(schema['schema'])
          ? (schema as ConfigSchema)
          : { schema: schema as JsonObject, location: `schemas[${index}]` },
      );
    });
    const validation = new ConfigValidation({
      schemas,
      strict: options.strict ?? false,
      ...(cache ? { cache } : {}),
      beforeCompile: () => installSpecValidator(cache?.dir),
      // After validating, whatever the verdict: the code cache then holds what validation compiled.
      afterValidating: saveSpecValidatorCodeCache,
    });

    const loaded = await loadConfigSources(load);
    const secrets = await validation.validate(loaded.data);
    logger.info(`Loaded config from ${describeSources(loaded)}`, {
      files: loaded.sources
        .filter((s) => s.name !== 'env' && !loaded.urls.includes(s.name))
        .map((s) => s.name),
      urls: loaded.urls,
      envVariables: loaded.envVariables.length,
    });

    const watch = options.watch ?? true;
    const live = watch || (reloadMs !== undefined && loaded.urls.length > 0);
    const instance = new DefaultRootConfig(load, validation, logger, loaded, secrets, live);
    if (watch) {
      instance.#watch = watchFiles(
        loaded.watchedFiles,
        (changed) => void instance.#reloadFrom(changed.join(', ')),
        {
          debounceMs: options.watchDebounceMs ?? 100,
        },
      );
    }
    if (reloadMs !== undefined && loaded.urls.length > 0) {
      instance.#timer = setInterval(
        () => void instance.#reloadFrom(loaded.urls.join(', ')),
        reloadMs,
      );
      instance.#timer.unref();
    }
    return instance;
  }

  /** The secret strings of the current configuration (CONF-067, CONF-069). */
  get secrets(): ReadonlySet<string> {
    return this.#secrets;
  }

  /**
   * Reloads every source now, as a file change would (RCFG-036, RCFG-037). Resolves once the
   * reload, and any that was requested while it ran, has finished; never rejects.
   */
  reload(): Promise<void> {
    return this.#reloadFrom('manual reload');
  }

  /** Stops watching files and polling remote sources (RCFG-039); idempotent. */
  close(): void {
    this.#closed = true;
    this.#watch?.close();
    this.#watch = undefined;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#listeners.clear();
  }

  #subscribe(onChange: () => void): ConfigSubscription {
    // Each call gets its own entry, so subscribing one function twice needs two unsubscribes.
    const entry = (): void => onChange();
    this.#listeners.add(entry);
    return { unsubscribe: () => void this.#listeners.delete(entry) };
  }

  #reloadFrom(trigger: string): Promise<void> {
    if (this.#reloading) {
      this.#reloadAgain = true;
      return this.#reloading;
    }
    this.#reloading = (async () => {
      try {
        do {
          this.#reloadAgain = false;
          await this.#reloadOnce(trigger);
        } while (this.#reloadAgain && !this.#closed);
      } finally {
        this.#reloading = undefined;
      }
    })();
    return this.#reloading;
  }

  async #reloadOnce(trigger: string): Promise<void> {
    if (this.#closed) return;
    let loaded: LoadedConfig;
    let secrets: Set<string>;
    try {
      loaded = await loadConfigSources(this.#load);
      secrets = await this.#validation.validate(loaded.data);
    } catch (error) {
      const source = culpritOf(error) ?? trigger;
      const failure = ConfigError.create(
        'RCFG_RELOAD_FAILED',
        { source, reason: (error as Error).message },
        { cause: error },
      );
      this.#logger.error(failure.message, {
        code: failure.code,
        source,
        ...(isConfigError(error) ? { causeCode: error.code } : {}),
      });
      return;
    }
    if (this.#closed) return;
    this.#watch?.update(loaded.watchedFiles);
    const changed = !isDeepEqual(loaded.data, this.#snapshot.data);
    this.#snapshot = { data: loaded.data, sources: loaded.sources };
    this.#secrets = secrets;
    if (changed) this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        // RCFG-028: one failing listener must not keep the others from hearing of the change.
        this.#logger.error('A config change listener threw', { error: (error as Error).message });
      }
    }
  }
}

function readReloadInterval(value: unknown): number {
  const result = durationToMilliseconds(value);
  if (!result.ok) {
    throw ConfigError.create('CONF_INVALID_DURATION', {
      configPath: 'remote.reloadInterval',
      reason: result.reason,
    });
  }
  return Math.max(result.milliseconds, 1);
}

function culpritOf(error: unknown): string | undefined {
  if (!isConfigError(error)) return undefined;
  const fields = error as unknown as { file?: unknown; url?: unknown };
  if (typeof fields.file === 'string') return fields.file;
  if (typeof fields.url === 'string') return fields.url;
  return undefined;
}

function describeSources(loaded: LoadedConfig): string {
  const parts = loaded.sources.filter((s) => s.name !== 'env').map((s) => s.name);
  if (loaded.envVariables.length > 0)
    parts.push(`${loaded.envVariables.length} APP_CONFIG_ environment variable(s)`);
  return parts.length === 0 ? 'no sources' : parts.join(', ');
}
