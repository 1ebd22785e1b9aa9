/**
 * The `type` of a legacy plugin registration record: `'plugin'`.
 *
 * **When to use**: only in a runtime, which still accepts records of this type from features
 * built by old authoring libraries. Authoring libraries produce `'plugin-v1.1'` instead.
 *
 * @requirement FEAT-037
 * @requirement FEAT-044
 * @see {@link LegacyPluginRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export const LEGACY_PLUGIN_REGISTRATION_TYPE = 'plugin' as const;
