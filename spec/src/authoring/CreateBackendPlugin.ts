import type { BackendFeature } from '../wire/BackendFeature.js';
import type { CreateBackendPluginOptions } from './CreateBackendPluginOptions.js';

/**
 * The signature of `createBackendPlugin`: defines a plugin and returns it as a feature.
 *
 * **When to use**: an authoring library exports a function of this type; a plugin package calls
 * it once and exports the result as its `default`.
 *
 * **Details**: throws at once when `pluginId` does not match {@link ID_PATTERN_OLD}, and warns
 * when it matches only that legacy pattern. The returned feature is a
 * {@link RegistrationsFeature} whose single record is a `plugin-v1.1` record. Backstage's
 * `createBackendPlugin` has this type.
 *
 * @example
 * ```ts
 * export default createBackendPlugin({
 *   pluginId: 'todo',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { logger: coreServices.logger },
 *       async init({ logger }) {
 *         logger.info('todo plugin started');
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @requirement PLUG-001
 * @requirement PLUG-002
 * @requirement FEAT-024
 * @requirement FEAT-062
 * @requirement FEAT-064
 * @requirement FEAT-112
 * @requirement NAME-010
 * @see {@link CreateBackendPluginOptions}
 * @see {@link RegistrationsFeature}
 * @category authoring
 * @since 0.1.0
 */
export type CreateBackendPlugin = (options: CreateBackendPluginOptions) => BackendFeature;
