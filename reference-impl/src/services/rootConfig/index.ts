export {
  ConfigReader,
  fullConfigPath,
  type ConfigSnapshot,
  type ConfigSnapshotProvider,
} from './ConfigReader.js';
export {
  ConfigError,
  isConfigError,
  type AnyConfigError,
  type ConfigErrorCode,
  type ConfigErrorDetails,
  type ConfigErrorOf,
} from './ConfigError.js';
export type { ConfigProblem } from '../../errors/ConfigProblem.js';
export {
  ConfigSchemaValidator,
  type ConfigSchema,
  type ConfigValidationResult,
  type ConfigVisibility,
  type ConfigVisibilityMarks,
} from './ConfigSchemaValidator.js';
export {
  DefaultRootConfig,
  type ConfigLogger,
  type RootConfigOptions,
} from './DefaultRootConfig.js';
export { closeRootConfig } from './closeRootConfig.js';
export { collectPackageSchemas, type CollectedPackageSchemas } from './collectPackageSchemas.js';
export { collectSecrets } from './collectSecrets.js';
export { durationToMilliseconds, type DurationResult } from './durationToMilliseconds.js';
export { getConfigSecrets } from './getConfigSecrets.js';
export {
  loadConfigSources,
  type ConfigSourceData,
  type LoadConfigSourcesOptions,
  type LoadedConfig,
} from './loadConfigSources.js';
export { loadSpecSchemas } from './loadSpecSchemas.js';
export {
  readDurationFromConfig,
  readOptionalDurationFromConfig,
} from './readDurationFromConfig.js';
export { rootConfigServiceFactory } from './rootConfigServiceFactory.js';
export { validateConfig } from './validateConfig.js';
