import type { BackendFeature } from '../wire/BackendFeature.js';
import type { ExtensionPoint } from '../wire/ExtensionPoint.js';
import type { FakeClock } from './FakeClock.js';
import type { Fault } from './Fault.js';
import type { SharedTestDatabase } from './SharedTestDatabase.js';

/**
 * The options of `startTestBackend` and `createTestBackend`.
 *
 * **When to use**: list the features under test and the service overrides in `features`;
 * use `extensionPoints` to stand in for the plugin a tested module extends; use `clock`,
 * `faults` and `sharedDatabase` for lifecycle scenarios.
 *
 * @requirement TEST-002
 * @requirement TEST-004
 * @requirement TEST-041
 * @requirement TEST-042
 * @requirement TEST-043
 * @requirement TEST-044
 * @requirement TEST-236
 * @requirement TEST-239
 * @requirement TEST-240
 * @requirement TEST-249
 * @see {@link StartTestBackend}
 * @category testing
 * @since 0.1.0
 */
export interface TestBackendOptions<TExtensionPoints extends unknown[] = unknown[]> {
  /** The features to install: plugins, modules, service factories, loaders. */
  features?: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
  /** Implementations of extension points that tested modules depend on. */
  extensionPoints?: readonly [
    ...{
      [index in keyof TExtensionPoints]: readonly [
        ExtensionPoint<TExtensionPoints[index]>,
        Partial<TExtensionPoints[index]>,
      ];
    },
  ];
  /** A fake clock that drives the scheduler and cache expiry. */
  clock?: FakeClock;
  /** Failures to inject. */
  faults?: Fault[];
  /** A database shared with other test backends. */
  sharedDatabase?: SharedTestDatabase;
}
