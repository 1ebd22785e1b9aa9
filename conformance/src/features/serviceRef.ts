import { SERVICE_REF_TYPE } from './wireConstants.js';

/** A wire-format service ref (FEAT-068 to FEAT-078), as an authoring library would produce. */
export interface TestServiceRef {
  $$type: typeof SERVICE_REF_TYPE;
  id: string;
  scope: 'root' | 'plugin';
  multiton: boolean;
  T: null;
  toString(): string;
  __defaultFactory?: (ref: TestServiceRef) => Promise<unknown>;
}

export interface ServiceRefOptions {
  id: string;
  scope?: 'root' | 'plugin';
  multiton?: boolean;
  /** Becomes `__defaultFactory` (FEAT-078). */
  defaultFactory?: (ref: TestServiceRef) => Promise<unknown>;
}

/** Builds a service ref from the wire format. */
export function serviceRef(options: ServiceRefOptions): TestServiceRef {
  const ref: TestServiceRef = {
    $$type: SERVICE_REF_TYPE,
    id: options.id,
    scope: options.scope ?? 'plugin',
    multiton: options.multiton ?? false,
    T: null,
    toString: () => `serviceRef{${options.id}}`,
  };
  if (options.defaultFactory) ref.__defaultFactory = options.defaultFactory;
  return ref;
}
