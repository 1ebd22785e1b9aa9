/**
 * The `type` of a legacy module registration record: `'module'`.
 *
 * **When to use**: only in a runtime, which still accepts records of this type from features
 * built by old authoring libraries. Authoring libraries produce `'module-v1.1'` instead.
 *
 * @requirement FEAT-037
 * @requirement FEAT-044
 * @see {@link LegacyModuleRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export const LEGACY_MODULE_REGISTRATION_TYPE = 'module' as const;
