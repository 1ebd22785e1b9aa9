import type { Config } from '@openstage/spec';

/**
 * The part of the spec's `Config` (the `rootConfig` service) that the HTTP services read.
 *
 * **Details**: only `getOptional` is used, so that any `Config` implementation (Openstage's,
 * Backstage's, or a test's reader over plain data) fits; values are checked here, and errors
 * name the config path.
 */
export type ConfigReader = Pick<Config, 'getOptional'>;
