import type { SupportsManifest } from './ConformanceAdapter.js';
import { HarnessError } from './HarnessError.js';
import { isCapability } from './capabilities.js';

/**
 * Checks a `supports` manifest against the closed capability list (CLS-017) and the allowed
 * values (CLS-018), and returns a deep copy that the run keeps for the report and for
 * CLS-020's comparison at the end.
 */
export function checkSupportsManifest(manifest: unknown, adapterName: string): SupportsManifest {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ADAPTER',
      `Adapter '${adapterName}': supports must be an object keyed by capability name`,
    );
  }
  for (const [key, value] of Object.entries(manifest)) {
    if (!isCapability(key)) {
      throw new HarnessError(
        'CLS_UNKNOWN_CAPABILITY',
        `Adapter '${adapterName}': supports.${key} is not a capability of the specification (spec/docs/01-conformance.md, Capabilities)`,
      );
    }
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (value !== true && value !== false && !isObject) {
      throw new HarnessError(
        'CONF_HARNESS_INVALID_ADAPTER',
        `Adapter '${adapterName}': supports.${key} must be true, false or an object (CLS-018)`,
      );
    }
  }
  return structuredClone(manifest) as SupportsManifest;
}

/** CLS-020: the manifest read at the end of a run must equal the one read at its start. */
export function assertManifestUnchanged(
  before: SupportsManifest,
  after: unknown,
  adapterName: string,
): void {
  if (JSON.stringify(sortKeys(before)) !== JSON.stringify(sortKeys(after))) {
    throw new HarnessError(
      'CLS_MANIFEST_CHANGED',
      `Adapter '${adapterName}': the supports manifest changed during the run`,
    );
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
