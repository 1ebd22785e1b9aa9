/**
 * @openstage/reference-impl: the Openstage authoring API and runtime.
 */
export * from './authoring/index.js';
export * from './runtime/index.js';
export * from './errors/index.js';
export * as wireFormat from './wireFormat/constants.js';
export type * from './wireFormat/types.js';
export * from './defaults.js';
