import type { Config } from '@openstage/spec';
import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { getConfigSecrets } from '../rootConfig/index.js';
import {
  createRootLoggerFromConfig,
  type CreateRootLoggerFromConfigOptions,
} from './createRootLoggerFromConfig.js';

/** The secrets the default `rootConfig` service computed; none for any other `Config`. */
const secretsOfDefaultRootConfig = (config: Config): Iterable<string> =>
  getConfigSecrets(config) ?? [];

/**
 * Creates a `core.rootLogger` factory. Secrets come from the default `rootConfig` service
 * (CONF-069), re-read on every config change; pass `secrets` to use another source, such as
 * `collectSecrets(config, schemas)` for a configuration built elsewhere.
 */
export function createRootLoggerServiceFactory(options: CreateRootLoggerFromConfigOptions = {}) {
  const resolved = { ...options, secrets: options.secrets ?? secretsOfDefaultRootConfig };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: { config: coreServices.rootConfig },
    factory: ({ config }) => createRootLoggerFromConfig(config, resolved),
  });
}

/** The default `core.rootLogger` factory (LOG-001, LOG-014 to LOG-043). */
export const rootLoggerServiceFactory = createRootLoggerServiceFactory();
