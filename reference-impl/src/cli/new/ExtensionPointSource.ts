/** A package of the workspace that exports extension point refs of a plugin. */
export interface ExtensionPointSource {
  /** Its npm name, such as `@internal/plugin-todo-node`. */
  packageName: string;
  /** Its version, which the generated module depends on. */
  version: string;
  /** The exported refs: export name and extension point id, sorted by export name. */
  extensionPoints: Array<{ exportName: string; id: string }>;
}
