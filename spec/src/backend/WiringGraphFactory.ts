import type { ServiceFactoryInitialization } from '../wire/ServiceFactoryInitialization.js';

/**
 * One factory of a service in the wiring graph: where it came from and when it is instantiated.
 *
 * **When to use**: in the `factories` and `overridden` lists of a service node.
 *
 * **Details**: `source` is `'added'` for a factory passed to `add()`, `'loader'` for one a
 * feature loader produced, `'default'` for one of `defaultServiceFactories`, `'ref'` for one from
 * a ref's default factory loader, and `'runtime'` for one the runtime supplies itself.
 *
 * @requirement BACK-083
 * @requirement BACK-084
 * @requirement BACK-085
 * @see {@link WiringGraphNode}
 * @category backend
 * @since 0.1.0
 */
export interface WiringGraphFactory {
  /** Where the factory came from. */
  source: 'added' | 'loader' | 'default' | 'ref' | 'runtime';
  /** The factory's effective initialization. */
  initialization: ServiceFactoryInitialization;
}
