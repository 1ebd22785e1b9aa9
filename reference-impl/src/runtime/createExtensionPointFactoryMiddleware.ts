import type { ExtensionPointFactoryMiddleware as SpecExtensionPointFactoryMiddleware } from '@openstage/spec';
import type { ExtensionPoint } from '../wireFormat/types.js';

/**
 * Creates an extension point factory middleware for the
 * `extensionPointFactoryMiddleware` option of `createSpecializedBackend`
 * (FEAT-102, EXT-040): it replaces the implementation of `extensionPoint`
 * that every consuming module receives with what `middleware` resolves to.
 */
export function createExtensionPointFactoryMiddleware<T>(options: {
  extensionPoint: ExtensionPoint<T>;
  middleware: (original: T) => Promise<T>;
}): SpecExtensionPointFactoryMiddleware {
  const wire = {
    $$type: '@backstage/ExtensionPointFactoryMiddleware' as const,
    version: 'v1' as const,
    extensionPointId: options.extensionPoint.id,
    middleware: (original: unknown) => options.middleware(original as T),
  };
  return wire;
}
