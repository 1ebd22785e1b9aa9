/**
 * Compile-time conformance of the reference implementation's public types
 * with `@openstage/spec`. Nothing here runs: every line is a type check that
 * makes `tsc` fail as soon as an export of this package drifts from the
 * spec's typed interfaces. Add a line whenever a public type is added.
 */
import type * as Spec from '@openstage/spec';
import type { createBackendFeatureLoader } from './authoring/createBackendFeatureLoader.js';
import type { createBackendModule } from './authoring/createBackendModule.js';
import type { createBackendPlugin } from './authoring/createBackendPlugin.js';
import type { createExtensionPoint } from './authoring/createExtensionPoint.js';
import type { createServiceFactory } from './authoring/createServiceFactory.js';
import type { createServiceRef } from './authoring/createServiceRef.js';
import type { ErrorCode } from './errors/errorCatalog.js';
import type { OpenstageError } from './errors/OpenstageError.js';
import type { Backend, createSpecializedBackend } from './runtime/createSpecializedBackend.js';
import type { BackendStartupError } from './runtime/BackendStartupError.js';
import type { createExtensionPointFactoryMiddleware } from './runtime/createExtensionPointFactoryMiddleware.js';
import type {
  BackendStartupResult,
  ModuleStartupResult,
  PluginStartupResult,
} from './runtime/BackendStartupResult.js';
import type { WiringGraph } from './runtime/graph/WiringGraph.js';
import type { BackendPreflightError } from './runtime/preflight/BackendPreflightError.js';
import type { PreflightFinding, ValidationResult } from './runtime/preflight/PreflightFinding.js';
import type { ShutdownResult } from './runtime/ShutdownResult.js';
import type { StartupTimelineSnapshot, TimelineEntrySnapshot } from './runtime/StartupTimeline.js';
import type {
  BackendFeature,
  ExtensionPoint,
  ServiceFactory,
  ServiceRef,
} from './wireFormat/types.js';

/** `true` exactly when `A` is assignable to `B`. */
type Extends<A, B> = [A] extends [B] ? true : false;
/** Fails to compile unless its argument is `true`. */
type Check<T extends true> = T;

// Backend instance (spec/src/backend).
export type ConformsBackend = Check<Extends<Backend, Spec.Backend>>;
export type ConformsCreateSpecializedBackend = Check<
  Extends<typeof createSpecializedBackend, Spec.CreateSpecializedBackend>
>;
export type ConformsStartupResult = Check<Extends<BackendStartupResult, Spec.BackendStartupResult>>;
export type ConformsPluginResult = Check<Extends<PluginStartupResult, Spec.PluginStartupResult>>;
export type ConformsModuleResult = Check<Extends<ModuleStartupResult, Spec.ModuleStartupResult>>;
export type ConformsStartupTimeline = Check<Extends<StartupTimelineSnapshot, Spec.StartupTimeline>>;
export type ConformsTimelineEntry = Check<
  Extends<TimelineEntrySnapshot, Spec.StartupTimelineEntry>
>;
export type ConformsShutdownResult = Check<Extends<ShutdownResult, Spec.ShutdownResult>>;
export type ConformsValidationReport = Check<Extends<ValidationResult, Spec.ValidationReport>>;
export type ConformsValidationFinding = Check<Extends<PreflightFinding, Spec.ValidationFinding>>;
export type ConformsWiringGraph = Check<Extends<WiringGraph, Spec.WiringGraph>>;
export type ConformsStartupError = Check<Extends<BackendStartupError, Spec.BackendStartupError>>;
export type ConformsCreateMiddleware = Check<
  Extends<typeof createExtensionPointFactoryMiddleware, Spec.CreateExtensionPointFactoryMiddleware>
>;
export type ConformsPreflightError = Check<
  Extends<BackendPreflightError, Spec.PreflightFailedError>
>;

// Errors (spec/src/errors): every code the catalog raises is a spec code.
export type ConformsErrorCodes = Check<Extends<ErrorCode, Spec.ErrorCode>>;
export type ConformsOpenstageError = Check<Extends<OpenstageError, Spec.OpenstageError>>;

// Wire format (spec/src/wire), both ways where the shapes are meant to be identical.
export type ConformsBackendFeature = Check<Extends<BackendFeature, Spec.BackendFeature>>;
export type ConformsSpecBackendFeature = Check<Extends<Spec.BackendFeature, BackendFeature>>;
export type ConformsServiceRef = Check<
  Extends<ServiceRef<string, 'root'>, Spec.ServiceRef<string, 'root'>>
>;
export type ConformsExtensionPoint = Check<
  Extends<ExtensionPoint<{ x: 1 }>, Spec.ExtensionPoint<{ x: 1 }>>
>;
export type ConformsServiceFactory = Check<
  Extends<ServiceFactory<string, 'root'>, Spec.ServiceFactory<string, 'root'>>
>;

// Authoring API (spec/src/authoring).
export type ConformsCreateServiceRef = Check<
  Extends<typeof createServiceRef, Spec.CreateServiceRef>
>;
export type ConformsCreateServiceFactory = Check<
  Extends<typeof createServiceFactory, Spec.CreateServiceFactory>
>;
export type ConformsCreateExtensionPoint = Check<
  Extends<typeof createExtensionPoint, Spec.CreateExtensionPoint>
>;
export type ConformsCreateBackendPlugin = Check<
  Extends<typeof createBackendPlugin, Spec.CreateBackendPlugin>
>;
export type ConformsCreateBackendModule = Check<
  Extends<typeof createBackendModule, Spec.CreateBackendModule>
>;
export type ConformsCreateBackendFeatureLoader = Check<
  Extends<typeof createBackendFeatureLoader, Spec.CreateBackendFeatureLoader>
>;
