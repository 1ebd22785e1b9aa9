import type { CoreServices } from './CoreServices.js';

/**
 * The name of a core service in `coreServices`, such as `'rootConfig'`.
 *
 * **When to use**: to index {@link coreServiceIds}, {@link coreServiceScopes} or
 * {@link CoreServices}.
 *
 * @requirement NAME-036
 * @see {@link CoreServices}
 * @category authoring
 * @since 0.1.0
 */
export type CoreServiceName = keyof CoreServices;
