/**
 * Service interfaces referenced by {@link coreServices} that the runtime itself talks to
 * (logging, lifecycle, metadata, config). The other refs carry `@openstage/spec`'s interfaces
 * directly.
 */

export interface LoggerService {
  error(message: string, meta?: Error | Record<string, unknown>): void;
  warn(message: string, meta?: Error | Record<string, unknown>): void;
  info(message: string, meta?: Error | Record<string, unknown>): void;
  debug(message: string, meta?: Error | Record<string, unknown>): void;
  child(meta: Record<string, unknown>): LoggerService;
}

export type RootLoggerService = LoggerService;

export type LifecycleServiceStartupHook = () => void | Promise<void>;
export type LifecycleServiceShutdownHook = () => void | Promise<void>;
export interface LifecycleServiceStartupOptions {
  logger?: LoggerService;
}
export interface LifecycleServiceShutdownOptions {
  logger?: LoggerService;
}

export interface LifecycleService {
  addStartupHook(hook: LifecycleServiceStartupHook, options?: LifecycleServiceStartupOptions): void;
  addShutdownHook(
    hook: LifecycleServiceShutdownHook,
    options?: LifecycleServiceShutdownOptions,
  ): void;
}

export interface RootLifecycleService extends LifecycleService {
  addBeforeShutdownHook(hook: () => void | Promise<void>): void;
}

export interface PluginMetadataService {
  getId(): string;
}

export interface RootInstanceMetadataServicePluginInfo {
  readonly pluginId: string;
  readonly modules: ReadonlyArray<{ readonly moduleId: string }>;
}

export interface RootInstanceMetadataService {
  getInstalledPlugins(): Promise<ReadonlyArray<RootInstanceMetadataServicePluginInfo>>;
}

export interface RootSystemMetadataService {
  getInstalledPlugins(): Promise<ReadonlyArray<{ readonly pluginId: string }>>;
}

/** The subset of Backstage's `Config` the runtime reads. */
export interface RootConfigService {
  getOptional<T = unknown>(key?: string): T | undefined;
  [method: string]: unknown;
}

/**
 * Opaque placeholder, no longer used by {@link coreServices}.
 *
 * @deprecated Use the service's interface from `@openstage/spec`.
 */
export interface OpaqueService {
  readonly [member: string]: unknown;
}
