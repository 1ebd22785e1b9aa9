import { EXTENSION_POINT_TYPE } from './wireConstants.js';

/** A wire-format extension point ref (FEAT-079 to FEAT-082). */
export interface TestExtensionPoint {
  $$type: typeof EXTENSION_POINT_TYPE;
  id: string;
  T: null;
  toString(): string;
}

export function extensionPoint(id: string): TestExtensionPoint {
  return { $$type: EXTENSION_POINT_TYPE, id, T: null, toString: () => `extensionPoint{${id}}` };
}
