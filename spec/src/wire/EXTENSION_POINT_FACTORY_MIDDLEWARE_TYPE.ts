/**
 * The `$$type` tag of an extension point factory middleware:
 * `'@backstage/ExtensionPointFactoryMiddleware'`.
 *
 * **When to use**: when creating a middleware object, and when `createSpecializedBackend`
 * validates the `extensionPointFactoryMiddleware` option.
 *
 * @requirement FEAT-102
 * @requirement FEAT-103
 * @requirement EXT-040
 * @see {@link ExtensionPointFactoryMiddlewareWire}
 * @category wire-format
 * @since 0.1.0
 */
export const EXTENSION_POINT_FACTORY_MIDDLEWARE_TYPE =
  '@backstage/ExtensionPointFactoryMiddleware' as const;
