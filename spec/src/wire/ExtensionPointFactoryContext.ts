/**
 * What a runtime passes to an extension point factory when it builds the implementation for one
 * consuming module.
 *
 * **When to use**: in the factory form of `registerExtensionPoint`, to let the provider report a
 * problem caused by the consuming module.
 *
 * **Details**: the factory is called once per consuming module, so the context is bound to that
 * module. Same shape as Backstage's `ExtensionPointFactoryContext`.
 *
 * @requirement EXT-033
 * @requirement MOD-040
 * @requirement MOD-041
 * @requirement MOD-042
 * @requirement MOD-043
 * @requirement MOD-044
 * @requirement MOD-045
 * @requirement MOD-046
 * @requirement MOD-047
 * @requirement MOD-048
 * @see {@link ExtensionPointRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export interface ExtensionPointFactoryContext {
  /**
   * Marks the consuming module's startup result as failed with `error`. Valid after the
   * module's `init` has resolved and before the startup result is finalized, typically while
   * the plugin's own `init` runs; the failure policy of the module decides whether the failure
   * is allowed.
   *
   * @requirement MOD-040
   * @requirement MOD-041
   * @requirement MOD-042
   * @requirement MOD-043
   * @requirement MOD-044
   * @requirement MOD-045
   * @requirement MOD-046
   * @requirement MOD-047
   * @requirement MOD-048
   */
  reportModuleStartupFailure: (options: { error: Error }) => void;
}
