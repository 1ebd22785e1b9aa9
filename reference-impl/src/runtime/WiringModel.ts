import type {
  InternalBackendFeatureLoader,
  InternalExtensionPoint,
  InternalInitRegistration,
  InternalServiceRef,
  ExtensionPointFactoryContext,
} from '../wireFormat/types.js';
import type { OpenstageError } from '../errors/OpenstageError.js';
import type { PreflightFinding } from './preflight/PreflightFinding.js';
import type { ServiceRegistry } from './ServiceRegistry.js';

/** An extension point registered by a plugin or one of its modules. */
export interface RegisteredExtensionPoint {
  id: string;
  pluginId: string;
  /** Set when a module (not the plugin) registered it. */
  moduleId?: string;
  factory: (context: ExtensionPointFactoryContext) => unknown;
  source: string;
}

/** A plugin or module registration, normalised from any registration type. */
export interface RegisteredInit {
  pluginId: string;
  moduleId?: string;
  /** Same as `path`; kept for messages. */
  source: string;
  /** `features[<i>].getRegistrations()[<j>]`, or below a loader's path. */
  path: string;
  /** Description of the feature loader that produced the feature, if any. */
  loader?: string;
  /** Extension points this plugin or module registers, with their factories. */
  provides: Array<{
    ref: InternalExtensionPoint;
    factory: (context: ExtensionPointFactoryContext) => unknown;
  }>;
  init: InternalInitRegistration;
}

export interface LoaderRecord {
  loader: InternalBackendFeatureLoader;
  source: string;
  /** Set when the loader was produced by another loader. */
  parent?: string;
}

/** Everything collected from the added features, before anything runs. */
export interface WiringModel {
  registry: ServiceRegistry;
  /** Every registration in collection order, duplicates included. */
  registrations: RegisteredInit[];
  plugins: Map<string, RegisteredInit>;
  /** Modules by plugin id, then module id (first registration wins). */
  modules: Map<string, Map<string, RegisteredInit>>;
  extensionPoints: Map<string, RegisteredExtensionPoint>;
  loaders: LoaderRecord[];
  /** Service refs seen anywhere, by id, to resolve ref default factories. */
  refs: Map<string, InternalServiceRef>;
  findings: PreflightFinding[];
  /** Loader factories that a factory passed to add() overrides (LOAD-031). */
  ignoredLoaderFactories: Array<{ serviceId: string; loader: string }>;
  /** A feature loader failure that ends collection (LOAD-020, LOAD-022). */
  fatal?: OpenstageError;
}
