import type { BackendFeature } from '@openstage/spec';
import type { InternalRegistration, InternalServiceFactory } from '../wireFormat/types.js';

/** A registrations feature whose registrations were read once and can be rewritten. */
export interface CollectedRegistrations {
  feature: BackendFeature;
  registrations: InternalRegistration[];
}

/** The features of a test backend, sorted by kind after unwrapping. */
export interface CollectedTestFeatures {
  registrations: CollectedRegistrations[];
  serviceFactories: InternalServiceFactory[];
  /** Loaders and anything else, passed on untouched for the runtime to validate. */
  others: BackendFeature[];
  /**
   * Every feature in the order it was given, each as one of the entries above, so that they can
   * be added to the runtime in that order and the runtime's findings name them by the index the
   * caller knows (`features[1]`).
   */
  inOrder: Array<
    | { kind: 'registrations'; entry: CollectedRegistrations }
    | { kind: 'service'; entry: InternalServiceFactory }
    | { kind: 'other'; entry: BackendFeature }
  >;
}

/** Unwraps `{ default }` module namespaces, at most twice, as `backend.add()` does (TEST-002). */
function unwrap(value: unknown): unknown {
  let current = value;
  for (let i = 0; i < 2; i++) {
    if (current === null || (typeof current !== 'object' && typeof current !== 'function')) break;
    if ('$$type' in current) break;
    if (!('default' in current)) break;
    current = (current as { default: unknown }).default;
  }
  return current;
}

/**
 * Awaits and unwraps the features given to a test backend and reads each plugin's and module's
 * registrations, so the harness can see which plugins exist and which extension points modules
 * use. Anything malformed is passed on as is, so the runtime reports it with its own error.
 */
export async function collectTestFeatures(
  features: ReadonlyArray<unknown>,
): Promise<CollectedTestFeatures> {
  const resolved = await Promise.all(features.map(async (feature) => unwrap(await feature)));
  const collected: CollectedTestFeatures = {
    registrations: [],
    serviceFactories: [],
    others: [],
    inOrder: [],
  };
  for (const value of resolved) {
    const featureType = (value as { featureType?: unknown } | null)?.featureType;
    const getRegistrations = (value as { getRegistrations?: unknown } | null)?.getRegistrations;
    if (featureType === 'registrations' && typeof getRegistrations === 'function') {
      let registrations: unknown;
      try {
        registrations = (getRegistrations as () => unknown).call(value);
      } catch {
        // The runtime calls it again and reports the failure with the feature's path.
        registrations = undefined;
      }
      if (Array.isArray(registrations)) {
        const entry = {
          feature: value as BackendFeature,
          registrations: registrations as InternalRegistration[],
        };
        collected.registrations.push(entry);
        collected.inOrder.push({ kind: 'registrations', entry });
        continue;
      }
    } else if (
      featureType === 'service' ||
      (typeof value === 'object' && value !== null && 'service' in value && 'factory' in value)
    ) {
      collected.serviceFactories.push(value as InternalServiceFactory);
      collected.inOrder.push({ kind: 'service', entry: value as InternalServiceFactory });
      continue;
    }
    collected.others.push(value as BackendFeature);
    collected.inOrder.push({ kind: 'other', entry: value as BackendFeature });
  }
  return collected;
}

/** A feature that reports the given registrations, keeping the original's other fields. */
export function withRegistrations(
  original: BackendFeature,
  registrations: InternalRegistration[],
): BackendFeature {
  return { ...original, getRegistrations: () => registrations } as BackendFeature;
}
