import {
  BACKEND_FEATURE_TYPE,
  BACKEND_FEATURE_VERSION,
  PLUGIN_REGISTRATION_TYPE,
} from '../wireFormat/constants.js';
import type {
  BackendFeature,
  BackendPluginRegistrationPoints,
  InternalPluginRegistration,
} from '../wireFormat/types.js';
import { assertValidFeatureId } from './assertValidFeatureId.js';
import { collectRegistration, type RuntimeRegistrationPoints } from './collectRegistration.js';

/** Options of {@link createBackendPlugin}. */
export interface CreateBackendPluginOptions {
  /** Kebab-case plugin id, e.g. `user-settings`. */
  pluginId: string;
  register(reg: BackendPluginRegistrationPoints): void;
}

/**
 * Creates a backend plugin feature.
 *
 * The id is validated now; `register` runs lazily each time the runtime calls
 * `getRegistrations()`, which returns one `plugin-v1.1` registration record.
 */
export function createBackendPlugin(options: CreateBackendPluginOptions): BackendFeature {
  assertValidFeatureId(options.pluginId);
  function getRegistrations(): InternalPluginRegistration[] {
    const collected = collectRegistration(
      { pluginId: options.pluginId },
      (reg: RuntimeRegistrationPoints) =>
        // The runtime points are a superset of the public overloads; the cast
        // only hides `registerConnection` and widens the ref types.
        options.register(reg as unknown as BackendPluginRegistrationPoints),
    );
    return [{ type: PLUGIN_REGISTRATION_TYPE, pluginId: options.pluginId, ...collected }];
  }
  const feature = {
    $$type: BACKEND_FEATURE_TYPE,
    version: BACKEND_FEATURE_VERSION,
    featureType: 'registrations' as const,
    getRegistrations,
  };
  return feature;
}
