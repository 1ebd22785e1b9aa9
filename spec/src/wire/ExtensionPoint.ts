/**
 * A typed reference to an extension point: an API that a plugin (or one of its modules) offers
 * to the modules of the same plugin.
 *
 * **When to use**: a plugin registers an implementation for it with `registerExtensionPoint`; a
 * module lists it in the `deps` of its `registerInit` to receive that implementation. Create it
 * with {@link CreateExtensionPoint | createExtensionPoint}.
 *
 * **Details**: identical to Backstage's `ExtensionPoint`, which is also the complete run-time
 * shape. Extension point ids are unique within a backend and conventionally
 * `<pluginId>.<name>`. An extension point ref has no `scope` and no `version`. `T` only carries the
 * TypeScript type and is `null` at run time.
 *
 * @requirement FEAT-079
 * @requirement FEAT-080
 * @requirement FEAT-081
 * @requirement FEAT-082
 * @requirement EXT-001
 * @requirement EXT-002
 * @see {@link CreateExtensionPoint}
 * @category wire-format
 * @since 0.1.0
 */
export type ExtensionPoint<T> = {
  /** The extension point id, unique within a backend. */
  id: string;
  /** Carries the implementation type for the compiler only; `null` at run time. */
  T: T;
  /** Returns `extensionPoint{<id>}`. */
  toString: () => string;
  /** The tag {@link EXTENSION_POINT_TYPE}. */
  $$type: '@backstage/ExtensionPoint';
};
