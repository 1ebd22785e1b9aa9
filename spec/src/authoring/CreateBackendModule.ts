import type { BackendFeature } from '../wire/BackendFeature.js';
import type { CreateBackendModuleOptions } from './CreateBackendModuleOptions.js';

/**
 * The signature of `createBackendModule`: defines a module of a plugin and returns it as a
 * feature.
 *
 * **When to use**: an authoring library exports a function of this type; a module package calls
 * it once and exports the result as its `default`.
 *
 * **Details**: throws at once when `pluginId` or `moduleId` does not match
 * {@link ID_PATTERN_OLD}. The returned feature is a {@link RegistrationsFeature} whose single
 * record is a `module-v1.1` record. Backstage's `createBackendModule` has this type.
 *
 * @requirement FEAT-025
 * @requirement FEAT-063
 * @requirement FEAT-064
 * @requirement FEAT-112
 * @requirement NAME-011
 * @see {@link CreateBackendModuleOptions}
 * @category authoring
 * @since 0.1.0
 */
export type CreateBackendModule = (options: CreateBackendModuleOptions) => BackendFeature;
