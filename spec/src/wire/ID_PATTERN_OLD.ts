/**
 * The legacy pattern for plugin and module ids, which also allows `_` wherever
 * {@link ID_PATTERN} allows `-`.
 *
 * **When to use**: when an authoring library or runtime decides whether to reject an id: an id
 * that fails this pattern is invalid.
 *
 * **Details**: `/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i`, the same expression as Backstage's
 * `ID_PATTERN_OLD`.
 *
 * @requirement FEAT-062
 * @requirement FEAT-063
 * @requirement FEAT-066
 * @requirement FEAT-067
 * @see {@link ID_PATTERN}
 * @category wire-format
 * @since 0.1.0
 */
export const ID_PATTERN_OLD: RegExp = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i;
