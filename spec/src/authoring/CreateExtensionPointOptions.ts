/**
 * The options of `createExtensionPoint`.
 *
 * **When to use**: to define an extension point.
 *
 * @requirement NAME-020
 * @see {@link CreateExtensionPoint}
 * @category authoring
 * @since 0.1.0
 */
export interface CreateExtensionPointOptions {
  /** The extension point id, conventionally `<pluginId>.<name>`. */
  id: string;
}
