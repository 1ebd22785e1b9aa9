import type { LegacyModuleRegistration } from './LegacyModuleRegistration.js';
import type { LegacyPluginRegistration } from './LegacyPluginRegistration.js';
import type { ModuleRegistration } from './ModuleRegistration.js';
import type { PluginRegistration } from './PluginRegistration.js';

/**
 * Any registration record a runtime accepts from `getRegistrations()`, discriminated by `type`.
 *
 * **When to use**: in runtimes, to dispatch on the record type.
 *
 * **Details**: authoring libraries produce only the `-v1.1` records; the legacy `'plugin'` and
 * `'module'` records are still accepted. Any other `type` is rejected.
 *
 * @requirement FEAT-036
 * @requirement FEAT-037
 * @requirement FEAT-038
 * @see {@link RegistrationsFeature}
 * @category wire-format
 * @since 0.1.0
 */
export type FeatureRegistration =
  PluginRegistration | ModuleRegistration | LegacyPluginRegistration | LegacyModuleRegistration;
