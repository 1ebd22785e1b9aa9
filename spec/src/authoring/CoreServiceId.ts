import type { coreServiceIds } from './coreServiceIds.js';

/**
 * The id of a core service, such as `'core.rootConfig'`.
 *
 * **When to use**: to type a value that must be one of the core service ids.
 *
 * @requirement NAME-033
 * @see {@link coreServiceIds}
 * @category authoring
 * @since 0.1.0
 */
export type CoreServiceId = (typeof coreServiceIds)[keyof typeof coreServiceIds];
