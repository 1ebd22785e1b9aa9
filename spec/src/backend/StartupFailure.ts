/**
 * The failure recorded in a plugin or module entry of a startup result.
 *
 * **When to use**: when inspecting why a plugin or module did not start.
 *
 * **Details**: `allowed` says whether the boot-failure policy let the backend start anyway. For
 * failures the runtime detects itself, `error` carries a `code`; an error thrown by an `init`
 * is wrapped and kept as its `cause`.
 *
 * @requirement BACK-048
 * @requirement BACK-050
 * @requirement INIT-067
 * @requirement INIT-068
 * @requirement INIT-078
 * @requirement INIT-079
 * @see {@link PluginStartupResult}
 * @see {@link ModuleStartupResult}
 * @category backend
 * @since 0.1.0
 */
export interface StartupFailure {
  /** The recorded error. */
  error: Error;
  /** Whether the failure policy allows the failure. */
  allowed: boolean;
}
