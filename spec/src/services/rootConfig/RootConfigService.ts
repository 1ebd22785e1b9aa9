import type { Config } from './Config.js';

/**
 * The `rootConfig` service (`core.rootConfig`, root scope): the backend's merged configuration.
 *
 * **When to use**: depend on `coreServices.rootConfig` to read configuration; there is no
 * plugin-scoped configuration service.
 *
 * **Details**: a {@link Config} over the whole configuration tree, merged from the configuration
 * files and the environment. When the sources can change at run time, `subscribe` reports each
 * change. Equivalent to Backstage's `RootConfigService`.
 *
 * @requirement RCFG-001
 * @requirement RCFG-002
 * @see {@link Config}
 * @category services
 * @since 0.1.0
 */
export type RootConfigService = Config;
