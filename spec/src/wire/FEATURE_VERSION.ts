/**
 * The `version` of the feature wire format that this specification describes: `'v1'`.
 *
 * **When to use**: when building a feature object or an extension point factory middleware by
 * hand, and when a runtime checks the version of one.
 *
 * **Details**: a runtime rejects a feature whose `version` is anything else, so a future,
 * incompatible wire format can be introduced under a new version without being misread.
 *
 * @requirement FEAT-002
 * @requirement FEAT-008
 * @requirement FEAT-009
 * @see {@link BACKEND_FEATURE_TYPE}
 * @category wire-format
 * @since 0.1.0
 */
export const FEATURE_VERSION = 'v1' as const;
