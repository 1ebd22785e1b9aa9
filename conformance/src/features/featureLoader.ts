import type { TestExtensionPoint } from './extensionPoint.js';
import type { TestServiceRef } from './serviceRef.js';
import { FEATURE_TYPE } from './wireConstants.js';

/** A wire-format feature loader (FEAT-092, FEAT-096 to FEAT-099). */
export interface TestFeatureLoader {
  $$type: typeof FEATURE_TYPE;
  version: 'v1';
  featureType: 'loader';
  description: string;
  deps: Record<string, TestServiceRef | TestExtensionPoint>;
  loader: (deps: Record<string, unknown>) => unknown;
}

export interface FeatureLoaderOptions {
  /** Shows up as the loader's `description`, which findings and errors carry as `loader`. */
  description: string;
  deps?: Record<string, TestServiceRef | TestExtensionPoint>;
  /**
   * Returns what the runtime iterates: an array, an iterable, an async iterable, or a promise
   * of one. Passed through unwrapped, so tests can hand the runtime generators and bad values.
   */
  loader: (deps: Record<string, unknown>) => unknown;
}

/** Builds a feature loader from the wire format, as an authoring library would produce it. */
export function featureLoader(options: FeatureLoaderOptions): TestFeatureLoader {
  return {
    $$type: FEATURE_TYPE,
    version: 'v1',
    featureType: 'loader',
    description: options.description,
    deps: options.deps ?? {},
    loader: options.loader,
  };
}
