import type { TestServiceRef } from './serviceRef.js';
import { FEATURE_TYPE } from './wireConstants.js';

export type Deps = Record<string, TestServiceRef>;

/** A wire-format service factory feature (FEAT-083 to FEAT-091). */
export interface TestServiceFactory {
  $$type: typeof FEATURE_TYPE;
  version: 'v1';
  featureType: 'service';
  service: TestServiceRef;
  deps: Deps;
  initialization?: 'always' | 'lazy';
  factory: (deps: Record<string, unknown>, context: unknown) => Promise<unknown>;
  createRootContext?: (deps: Record<string, unknown>) => Promise<unknown>;
}

export interface ServiceFactoryOptions {
  service: TestServiceRef;
  deps?: Deps;
  initialization?: 'always' | 'lazy';
  factory: (deps: Record<string, unknown>, context: unknown) => unknown;
  createRootContext?: (deps: Record<string, unknown>) => unknown;
}

/** Builds a service factory feature from the wire format; `factory` always returns a promise. */
export function serviceFactory(options: ServiceFactoryOptions): TestServiceFactory {
  const feature: TestServiceFactory = {
    $$type: FEATURE_TYPE,
    version: 'v1',
    featureType: 'service',
    service: options.service,
    deps: options.deps ?? {},
    factory: async (deps, context) => options.factory(deps, context),
  };
  if (options.initialization) feature.initialization = options.initialization;
  const createRootContext = options.createRootContext;
  if (createRootContext) feature.createRootContext = async (deps) => createRootContext(deps);
  return feature;
}
