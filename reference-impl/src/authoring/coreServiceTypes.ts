/**
 * Service interfaces referenced by {@link coreServices} that the runtime itself talks to
 * (logging, lifecycle, metadata, config). They are the spec's interfaces (`@openstage/spec`),
 * re-exported here so the authoring API keeps exporting them under the names it always did.
 */
export type {
  LifecycleService,
  LifecycleServiceShutdownHook,
  LifecycleServiceShutdownOptions,
  LifecycleServiceStartupHook,
  LifecycleServiceStartupOptions,
  LoggerService,
  PluginMetadataService,
  RootConfigService,
  RootInstanceMetadataService,
  RootInstanceMetadataServicePluginInfo,
  RootLifecycleService,
  RootLoggerService,
  RootSystemMetadataService,
} from '@openstage/spec';

/**
 * Opaque placeholder, no longer used by {@link coreServices}.
 *
 * @deprecated Use the service's interface from `@openstage/spec`.
 */
export interface OpaqueService {
  readonly [member: string]: unknown;
}
