/**
 * The part of the `rootConfig` service that the HTTP services read.
 *
 * **Details**: only `getOptional` is used, so that any `Config` implementation (Openstage's,
 * Backstage's, or a test's plain object reader) fits; values are checked here, and errors name
 * the config path.
 */
export interface ConfigReader {
  getOptional<T = unknown>(key?: string): T | undefined;
}
