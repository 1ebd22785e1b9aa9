import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import type { ServiceFactory } from '../../wireFormat/types.js';
import { registerRootConfigCloser } from './closeRootConfig.js';
import { DefaultRootConfig, type RootConfigOptions } from './DefaultRootConfig.js';
import { registerConfigSecrets } from './getConfigSecrets.js';

function createFactory(options: RootConfigOptions = {}) {
  return createServiceFactory({
    service: coreServices.rootConfig,
    // No dependencies: the root logger and, through it, the root lifecycle depend on rootConfig,
    // so reporting goes to `options.logger` (the console by default) and shutdown is reached
    // through closeRootConfig.
    deps: {},
    async factory() {
      const root = await DefaultRootConfig.create(options);
      registerConfigSecrets(root.config, () => root.secrets);
      registerRootConfigCloser(root.config, () => root.close());
      return root.config;
    },
  });
}

/**
 * The default `core.rootConfig` factory (RCFG-001, RCFG-031 to RCFG-039): configuration from
 * `app-config*.yaml`, `--config` arguments and `APP_CONFIG_*` variables, validated against the
 * spec's schemas and the packages' schemas at startup, and reloaded when a file changes.
 *
 * **When to use**: as is, it is one of the backend's defaults. Call it with options to change
 * where configuration comes from or how it is checked:
 * `rootConfigServiceFactory({ argv: ['--config', 'prod.yaml'], watch: false, strict: true })`.
 *
 * **Details**: the secrets of the loaded configuration are available to the root logger through
 * `getConfigSecrets(config)`; `closeRootConfig(config)` stops watching.
 */
export const rootConfigServiceFactory: ServiceFactory &
  ((options?: RootConfigOptions) => ServiceFactory) = Object.assign(
  (options?: RootConfigOptions) => createFactory(options),
  createFactory(),
);
