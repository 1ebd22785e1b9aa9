import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from './ConfigError.js';
import { findRootDirectory } from './findRootDirectory.js';
import type { JsonObject } from './jsonValues.js';
import { mergeConfig } from './mergeConfig.js';
import { parseConfigArgs, type ConfigTarget } from './parseConfigArgs.js';
import { parseConfigText, readConfigFile } from './readConfigFile.js';
import { readEnvOverrides } from './readEnvOverrides.js';
import { resolveIncludes } from './resolveIncludes.js';
import type { EnvSource } from './substituteEnv.js';

/** Where configuration is loaded from. */
export interface LoadConfigSourcesOptions {
  /** The arguments holding `--config` flags (RCFG-032). */
  argv: ReadonlyArray<string>;
  /** The working directory (CONF-002, CONF-008). */
  cwd: string;
  /** The environment: `APP_CONFIG_*`, `BACKSTAGE_ENV`, substitution and `$env`. */
  env: EnvSource;
  /** Enables remote `--config` URLs (CONF-016, RCFG-033). */
  remote?: boolean;
  /** Fetches a remote document; defaults to the global `fetch`. */
  fetchText?: (url: string) => Promise<string>;
}

/** One source that contributed to the merged configuration, as it stood after substitution. */
export interface ConfigSourceData {
  /** A file path, a URL, or `env`. */
  name: string;
  data: JsonObject;
}

/** The result of loading every source. */
export interface LoadedConfig {
  /** The merged configuration (without `null`s). */
  data: JsonObject;
  /** The sources in priority order, lowest first. */
  sources: ConfigSourceData[];
  /** Every file that was, or could have been, read: configuration files and includes. */
  watchedFiles: string[];
  /** The remote URLs loaded. */
  urls: string[];
  /** The `APP_CONFIG_*` variables applied. */
  envVariables: string[];
}

/**
 * Loads, resolves and merges every configuration source (CONF-001 to CONF-050): the default
 * files of the root directory or the `--config` targets, then the `APP_CONFIG_*` variables.
 */
export async function loadConfigSources(options: LoadConfigSourcesOptions): Promise<LoadedConfig> {
  const { env } = options;
  const watched = new Set<string>();
  const sources: ConfigSourceData[] = [];
  const urls: string[] = [];

  let targets = parseConfigArgs(options.argv, options.cwd);
  let optional = new Set<string>();
  if (targets.length === 0) {
    const defaults = defaultConfigFiles(findRootDirectory(options.cwd), env);
    targets = defaults.files.map((path) => ({ type: 'file', path }));
    optional = defaults.optional;
  }

  for (const target of targets) {
    if (target.type === 'url') {
      urls.push(target.url);
      sources.push(await loadRemote(target, options));
      continue;
    }
    watched.add(target.path);
    if (optional.has(target.path) && !(await exists(target.path))) continue;
    const document = await readConfigFile(target.path);
    const data = await resolveIncludes(document, {
      env,
      source: target.path,
      baseDir: dirname(target.path),
      onFileRead: (file) => watched.add(file),
    });
    sources.push({ name: target.path, data });
  }

  const overrides = readEnvOverrides(env);
  if (overrides.variables.length > 0) sources.push({ name: 'env', data: overrides.data });

  return {
    data: mergeConfig(sources.map((s) => s.data)),
    sources,
    watchedFiles: [...watched],
    urls,
    envVariables: overrides.variables,
  };
}

/** The default files of CONF-001 and CONF-005, in load order; all but the first are optional. */
function defaultConfigFiles(
  rootDir: string,
  env: EnvSource,
): { files: string[]; optional: Set<string> } {
  const names = (env['BACKSTAGE_ENV'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const files = [
    join(rootDir, 'app-config.yaml'),
    ...names.map((name) => join(rootDir, `app-config.${name}.yaml`)),
    join(rootDir, 'app-config.local.yaml'),
    ...names.map((name) => join(rootDir, `app-config.${name}.local.yaml`)),
  ];
  return { files, optional: new Set(files.slice(1)) };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function loadRemote(
  target: Extract<ConfigTarget, { type: 'url' }>,
  options: LoadConfigSourcesOptions,
): Promise<ConfigSourceData> {
  if (!options.remote) throw ConfigError.create('CONF_REMOTE_DISABLED', { url: target.url });
  let text: string;
  try {
    text = await (options.fetchText ?? fetchText)(target.url);
  } catch (error) {
    throw ConfigError.create(
      'CONF_FILE_READ_FAILED',
      { file: target.url, reason: (error as Error).message },
      { cause: error },
    );
  }
  // Relative includes in a remote document have no directory of their own; they are read from
  // the working directory.
  const data = await resolveIncludes(parseConfigText(text, target.url), {
    env: options.env,
    source: target.url,
    baseDir: options.cwd,
  });
  return { name: target.url, data };
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response.text();
}
