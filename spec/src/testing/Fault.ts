import type { FaultEffect } from './FaultEffect.js';

/**
 * A failure to inject into a test backend: a service factory or an `init` that throws or hangs.
 *
 * **When to use**: in the `faults` of `startTestBackend`, to test how a backend, and the plugins
 * in it, handle a dependency that fails or never finishes.
 *
 * **Details**: the backend handles an injected fault exactly as the same behaviour of real code,
 * with the same failure policy, startup result and timeline. A fault whose target is not part of
 * the test backend makes `startTestBackend` reject.
 *
 * @requirement TEST-240
 * @requirement TEST-241
 * @requirement TEST-242
 * @requirement TEST-245
 * @requirement TEST-246
 * @requirement TEST-247
 * @see {@link TestBackendOptions}
 * @category testing
 * @since 0.1.0
 */
export type Fault =
  | {
      /** Targets a service factory. */
      target: 'serviceFactory';
      /** The service whose factory fails. */
      serviceId: string;
      /** Only the instance for this plugin fails; every instance when omitted. */
      pluginId?: string;
      /** What the factory does instead. */
      effect: FaultEffect;
    }
  | {
      /** Targets an `init`. */
      target: 'init';
      /** The plugin whose `init`, or whose module's `init`, fails. */
      pluginId: string;
      /** The module whose `init` fails; the plugin's own when omitted. */
      moduleId?: string;
      /** What the `init` does instead. */
      effect: FaultEffect;
    };
