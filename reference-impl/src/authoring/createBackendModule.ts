import {
  BACKEND_FEATURE_TYPE,
  BACKEND_FEATURE_VERSION,
  MODULE_REGISTRATION_TYPE,
} from '../wireFormat/constants.js';
import type {
  BackendFeature,
  BackendModuleRegistrationPoints,
  InternalModuleRegistration,
} from '../wireFormat/types.js';
import { assertValidFeatureId } from './assertValidFeatureId.js';
import { collectRegistration, type RuntimeRegistrationPoints } from './collectRegistration.js';

/** Options of {@link createBackendModule}. */
export interface CreateBackendModuleOptions {
  /** The id of the plugin the module extends. */
  pluginId: string;
  /** Kebab-case module id, unique within the plugin. */
  moduleId: string;
  register(reg: BackendModuleRegistrationPoints): void;
}

/**
 * Creates a backend module feature. Its one registration record is
 * `module-v1.1`; its init may depend on extension points of its plugin.
 */
export function createBackendModule(options: CreateBackendModuleOptions): BackendFeature {
  assertValidFeatureId(options.pluginId, options.moduleId);
  function getRegistrations(): InternalModuleRegistration[] {
    const collected = collectRegistration(
      { pluginId: options.pluginId, moduleId: options.moduleId },
      (reg: RuntimeRegistrationPoints) =>
        // See createBackendPlugin: the runtime points are a superset.
        options.register(reg as unknown as BackendModuleRegistrationPoints),
    );
    return [
      {
        type: MODULE_REGISTRATION_TYPE,
        pluginId: options.pluginId,
        moduleId: options.moduleId,
        ...collected,
      },
    ];
  }
  return {
    $$type: BACKEND_FEATURE_TYPE,
    version: BACKEND_FEATURE_VERSION,
    featureType: 'registrations' as const,
    getRegistrations,
  } as BackendFeature;
}
