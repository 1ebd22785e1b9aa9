/**
 * The `$$type` tag of an extension point ref: `'@backstage/ExtensionPoint'`.
 *
 * **When to use**: when an authoring library creates an extension point ref, and when a runtime
 * tells the extension point refs among a module's dependencies from its service refs.
 *
 * @requirement FEAT-049
 * @requirement FEAT-080
 * @requirement EXT-002
 * @see {@link ExtensionPoint}
 * @category wire-format
 * @since 0.1.0
 */
export const EXTENSION_POINT_TYPE = '@backstage/ExtensionPoint' as const;
