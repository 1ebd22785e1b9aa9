/**
 * An extension point factory middleware, as the public type sees it: only its tag.
 *
 * **When to use**: as the element type of the `extensionPointFactoryMiddleware` option of
 * `createSpecializedBackend`.
 *
 * **Details**: identical to the public `ExtensionPointFactoryMiddleware` of
 * `@backstage/backend-app-api`, so middleware made by either library can be passed to either
 * backend. The properties a runtime reads are described by
 * {@link ExtensionPointFactoryMiddlewareWire}.
 *
 * @requirement EXT-040
 * @see {@link ExtensionPointFactoryMiddlewareWire}
 * @category wire-format
 * @since 0.1.0
 */
export interface ExtensionPointFactoryMiddleware {
  /** The tag {@link EXTENSION_POINT_FACTORY_MIDDLEWARE_TYPE}. */
  $$type: '@backstage/ExtensionPointFactoryMiddleware';
}
