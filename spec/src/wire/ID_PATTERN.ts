/**
 * The pattern that plugin and module ids should match: letters, digits and single dashes,
 * starting with a letter, compared case-insensitively.
 *
 * **When to use**: when choosing an id for a new plugin or module, and when an authoring library
 * or runtime decides whether an id deserves a warning.
 *
 * **Details**: `/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i`, the same expression as Backstage's. Ids that
 * match only {@link ID_PATTERN_OLD} are accepted with a warning.
 *
 * @example
 * ```ts
 * ID_PATTERN.test('user-settings'); // true
 * ID_PATTERN.test('user_settings'); // false, but ID_PATTERN_OLD accepts it
 * ```
 *
 * @requirement FEAT-064
 * @requirement FEAT-065
 * @requirement FEAT-067
 * @requirement NAME-001
 * @requirement NAME-002
 * @requirement NAME-003
 * @see {@link ID_PATTERN_OLD}
 * @category wire-format
 * @since 0.1.0
 */
export const ID_PATTERN: RegExp = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i;
