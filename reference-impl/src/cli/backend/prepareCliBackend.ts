import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { coreServices } from '../../authoring/coreServices.js';
import { createBackend } from '../../createBackend.js';
import type { Backend } from '../../runtime/createSpecializedBackend.js';
import { createPackageDiscoveryLoader } from '../../runtime/packageDiscovery/index.js';
import {
  DefaultRootConfig,
  type ConfigLogger,
} from '../../services/rootConfig/DefaultRootConfig.js';
import { isConfigError } from '../../services/rootConfig/ConfigError.js';
import { rootHttpRouterServiceFactory } from '../../services/rootHttpRouter/index.js';
import { createRootLoggerServiceFactory } from '../../services/rootLogger/index.js';
import { CliError } from '../CliError.js';
import type { CliIo } from '../CliIo.js';
import { loadEntryFeatures } from './loadEntryFeatures.js';
import { preloadedRootConfigFactory } from './preloadedRootConfigFactory.js';
import { resolveConfigArgs } from './resolveConfigArgs.js';

/** What `start`, `validate` and `graph` share: the `--config` files and the entry file. */
export interface CliBackendOptions {
  config: readonly string[];
  entry?: string;
  /**
   * `run` serves: config files are watched and logs go to standard output. `check` starts
   * nothing: no watching, and logs go to standard error so standard output holds only the
   * command's result.
   */
  mode: 'run' | 'check';
}

/** A backend ready for `start()`, `validate()` or `graph()`, or the configuration's failure. */
export type PreparedCliBackend =
  | { ok: true; backend: Backend; listeningOn: () => string | undefined }
  | { ok: false; configError: unknown };

/**
 * Loads the configuration and builds the backend the command line runs: `createBackend()` with
 * the loaded configuration, package discovery (which installs the packages listed under
 * `backend.packages`) and the features of the entry file. Fails with a one-line error for a
 * missing file, and when there is nothing to run at all.
 */
export async function prepareCliBackend(
  options: CliBackendOptions,
  io: CliIo,
): Promise<PreparedCliBackend> {
  const { argv, remote } = resolveConfigArgs(options.config, io.cwd);
  const features =
    options.entry === undefined ? [] : await loadEntryFeatures(options.entry, io.cwd);
  const check = options.mode === 'check';
  const logger: ConfigLogger = {
    info: (message) => (check ? undefined : io.out(`${message}\n`)),
    warn: (message) => io.err(`${message}\n`),
    error: (message) => io.err(`${message}\n`),
  };
  let root: DefaultRootConfig;
  try {
    root = await DefaultRootConfig.create({
      argv,
      cwd: io.cwd,
      watch: !check,
      logger,
      ...(remote ? { remote: { reloadInterval: { minutes: 1 } } } : {}),
    });
  } catch (error) {
    if (isConfigError(error)) return { ok: false, configError: error };
    throw error;
  }
  if (options.entry === undefined && root.config.getOptional('backend.packages') === undefined) {
    root.close();
    throw new CliError(
      'Nothing to run: pass an entry file whose default export lists the features ' +
        "(openstage start ./dist/features.js), or list packages under 'backend.packages' in " +
        'the configuration (backend.packages: all).',
    );
  }

  const backend = createBackend();
  // The entry's features first, so that the paths findings name (features[0], ...) count the
  // entry file's array; the command line's own factories after, unless the entry replaces them.
  for (const feature of features) backend.add(feature as Parameters<Backend['add']>[0]);
  const replaced = providedServiceIds(features);
  if (!replaced.has(coreServices.rootConfig.id)) backend.add(preloadedRootConfigFactory(root));
  if (check && !replaced.has(coreServices.rootLogger.id)) {
    // Only warnings and errors, unless LOG_LEVEL asks for more: the findings are the output.
    backend.add(
      createRootLoggerServiceFactory({
        write: (line) => io.err(`${line}\n`),
        env: { ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
      }),
    );
  }
  const configuredBaseUrl = (): string | undefined => {
    const baseUrl = root.config.getOptional('backend.baseUrl');
    return typeof baseUrl === 'string' ? baseUrl : undefined;
  };
  let listeningOn: () => string | undefined = configuredBaseUrl;
  if (!replaced.has(coreServices.rootHttpRouter.id)) {
    // Keep hold of the server to print where it really listens (port 0 picks a free one).
    backend.add(
      rootHttpRouterServiceFactory({
        configure({ applyDefaults, server, config }) {
          applyDefaults();
          listeningOn = () => {
            const address = server.address() as AddressInfo | null;
            // A fixed port: baseUrl says how clients reach it; port 0: only the address knows.
            if (
              address === null ||
              (configuredBaseUrl() !== undefined && config.getOptional('backend.listen.port') !== 0)
            )
              return configuredBaseUrl();
            return `http://localhost:${address.port}`;
          };
        },
      }),
    );
  }
  // Package discovery starts at the entry file's package, or at the current folder's.
  backend.add(
    createPackageDiscoveryLoader({
      mainScript:
        options.entry === undefined ? join(io.cwd, 'package.json') : resolve(io.cwd, options.entry),
    }),
  );
  return { ok: true, backend, listeningOn: () => listeningOn() };
}

/** The ids of the services the entry's service factories provide (promises cannot be seen into). */
function providedServiceIds(features: readonly object[]): Set<string> {
  const ids = new Set<string>();
  for (const feature of features) {
    const id = (feature as { service?: { id?: unknown } }).service?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}
