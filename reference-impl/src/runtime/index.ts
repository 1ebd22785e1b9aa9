export {
  createSpecializedBackend,
  type Backend,
  type CreateSpecializedBackendOptions,
} from './createSpecializedBackend.js';
export { BackendStartupError } from './BackendStartupError.js';
export { formatStartupSummary, type StartupSummaryOptions } from './formatStartupSummary.js';
export type {
  BackendStartupResult,
  PluginStartupResult,
  ModuleStartupResult,
  StartupFailure,
} from './BackendStartupResult.js';
export { BackendPreflightError } from './preflight/BackendPreflightError.js';
export type {
  PreflightFinding,
  FindingCulprit,
  ValidationResult,
} from './preflight/PreflightFinding.js';
export { BackendInstanceRegistry, processInstanceRegistry } from './BackendInstanceRegistry.js';
export { DependencyGraph } from './DependencyGraph.js';
export type {
  TimelineEntrySnapshot,
  TimelineEntryKind,
  TimelineEntryRef,
  StartupTimelineSnapshot,
} from './StartupTimeline.js';
export type * from './graph/WiringGraph.js';
export { renderMermaid } from './graph/renderMermaid.js';
export type { FactoryOrigin } from './ServiceRegistry.js';
export type { ShutdownResult, ShutdownPhaseResult, ShutdownHookResult } from './ShutdownResult.js';
export {
  createPackageDiscoveryLoader,
  type PackageDiscoveryOptions,
} from './packageDiscovery/index.js';
export { createExtensionPointFactoryMiddleware } from './createExtensionPointFactoryMiddleware.js';
