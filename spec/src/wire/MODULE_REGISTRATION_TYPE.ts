/**
 * The `type` of a current module registration record: `'module-v1.1'`.
 *
 * **When to use**: when an authoring library builds the record that a module feature's
 * `getRegistrations()` returns, and when a runtime dispatches on a record's type.
 *
 * @requirement FEAT-025
 * @requirement FEAT-037
 * @see {@link ModuleRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export const MODULE_REGISTRATION_TYPE = 'module-v1.1' as const;
