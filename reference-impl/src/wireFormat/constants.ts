/**
 * Wire-format constants shared by the authoring API and the runtime.
 *
 * They are the values `@backstage/backend-plugin-api` 1.10.1 writes into the
 * objects it produces, so features built by either side are accepted by the
 * other.
 */

/** Tag on every installable feature (plugin, module, service factory, loader). */
export const BACKEND_FEATURE_TYPE = '@backstage/BackendFeature' as const;
/** The only feature version the wire format defines. */
export const BACKEND_FEATURE_VERSION = 'v1' as const;
/** Tag on a service ref. */
export const SERVICE_REF_TYPE = '@backstage/ServiceRef' as const;
/** Tag on an extension point ref. */
export const EXTENSION_POINT_TYPE = '@backstage/ExtensionPoint' as const;
/** Tag on an extension point factory middleware. */
export const EXTENSION_POINT_FACTORY_MIDDLEWARE_TYPE =
  '@backstage/ExtensionPointFactoryMiddleware' as const;

/** Registration record types produced by the authoring API. */
export const PLUGIN_REGISTRATION_TYPE = 'plugin-v1.1' as const;
export const MODULE_REGISTRATION_TYPE = 'module-v1.1' as const;
/** Legacy registration record types that are still accepted. */
export const LEGACY_PLUGIN_REGISTRATION_TYPE = 'plugin' as const;
export const LEGACY_MODULE_REGISTRATION_TYPE = 'module' as const;

/** Plugin and module ids: letters, digits and dashes, starting with a letter. */
export const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i;
/** The legacy pattern that also accepts `_`; ids matching only this one get a warning. */
export const ID_PATTERN_OLD = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i;

/** The service the runtime synthesises for each plugin; it can never be overridden. */
export const PLUGIN_METADATA_SERVICE_ID = 'core.pluginMetadata' as const;
