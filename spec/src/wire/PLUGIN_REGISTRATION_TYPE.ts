/**
 * The `type` of a current plugin registration record: `'plugin-v1.1'`.
 *
 * **When to use**: when an authoring library builds the record that a plugin feature's
 * `getRegistrations()` returns, and when a runtime dispatches on a record's type.
 *
 * @requirement FEAT-024
 * @requirement FEAT-037
 * @see {@link PluginRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export const PLUGIN_REGISTRATION_TYPE = 'plugin-v1.1' as const;
