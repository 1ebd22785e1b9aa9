/**
 * Wire-format tags, spelled out here rather than imported so that the suite checks the
 * literal values of spec/docs/02-wire-format.md, not whatever a library exports.
 */
export const FEATURE_TYPE = '@backstage/BackendFeature';
export const SERVICE_REF_TYPE = '@backstage/ServiceRef';
export const EXTENSION_POINT_TYPE = '@backstage/ExtensionPoint';
