import type { ExtensionPoint } from './ExtensionPoint.js';

/**
 * One extension point registered by a legacy `'plugin'` or `'module'` record: a tuple of the
 * ref and the implementation.
 *
 * **When to use**: only in runtimes, which treat the tuple as a factory that returns the
 * implementation.
 *
 * @requirement FEAT-044
 * @requirement FEAT-045
 * @see {@link LegacyPluginRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export type LegacyExtensionPointRegistration = readonly [
  extensionPoint: ExtensionPoint<unknown>,
  implementation: unknown,
];
