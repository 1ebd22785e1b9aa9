import { EXTENSION_POINT_TYPE } from '../wireFormat/constants.js';
import type { ExtensionPoint } from '../wireFormat/types.js';

/** Options of {@link createExtensionPoint}. */
export interface CreateExtensionPointOptions {
  /** Globally unique within a backend; conventionally `<pluginId>.<name>`. */
  id: string;
}

/**
 * Creates an extension point ref: `{ id, T, toString, $$type }`, with no
 * version and no scope, exactly as `@backstage/backend-plugin-api` does.
 */
export function createExtensionPoint<T>(options: CreateExtensionPointOptions): ExtensionPoint<T> {
  return {
    id: options.id,
    // Type carrier only: `typeof ref.T` names the extension point type.
    T: null as unknown as T,
    toString() {
      return `extensionPoint{${options.id}}`;
    },
    $$type: EXTENSION_POINT_TYPE,
  };
}
