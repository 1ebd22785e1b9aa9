/**
 * The one catalog of every error the reference implementation raises.
 *
 * Each entry binds a stable code (owned by the spec chapters' `## Errors`
 * tables) to the requirement it enforces and to a message template that names
 * the culprit. Codes are the contract; messages may change. Keeping every code
 * here means a rename in the spec is a one-place edit.
 */

const q = (value: string): string => `'${value}'`;

/** A catalog entry: the requirement it enforces and a message template. */
interface CatalogEntry<TDetails> {
  readonly requirement: string;
  readonly message: (details: TDetails) => string;
  readonly hint: string;
}

function entry<TDetails>(
  requirement: string,
  message: (details: TDetails) => string,
  hint: string,
): CatalogEntry<TDetails> {
  return { requirement, message, hint };
}

/** Culprit fields shared by validation errors. */
type ShapeDetails = { path: string; expected: string; received: string };
const shape = (d: ShapeDetails): string =>
  `Invalid backend feature at ${d.path}, expected ${d.expected}, received ${d.received}`;
const fixShape =
  'Build features with createBackendPlugin, createBackendModule, createServiceFactory or createBackendFeatureLoader; the path names the malformed field.';
const who = (d: { pluginId: string; moduleId?: string }): string =>
  d.moduleId === undefined
    ? `plugin ${q(d.pluginId)}`
    : `module ${q(d.moduleId)} for plugin ${q(d.pluginId)}`;

export const errorCatalog = {
  // --- Wire format (FEAT, spec/docs/02-wire-format.md) -------------------------
  FEAT_NOT_A_FEATURE: entry<ShapeDetails>(
    'FEAT-005',
    shape,
    'Pass the feature object itself, or a promise of a module that exports it as default.',
  ),
  FEAT_INVALID_TYPE_TAG: entry<ShapeDetails>(
    'FEAT-006',
    shape,
    'Pass a feature created by an authoring library.',
  ),
  FEAT_UNSUPPORTED_VERSION: entry<ShapeDetails>(
    'FEAT-008',
    shape,
    "Rebuild the feature with an authoring library that produces version 'v1' features.",
  ),
  FEAT_UNKNOWN_FEATURE_TYPE: entry<ShapeDetails>('FEAT-013', shape, fixShape),
  FEAT_INVALID_REGISTRATIONS: entry<ShapeDetails>(
    'FEAT-032',
    shape,
    'getRegistrations() must be a function returning an array of registration records.',
  ),
  FEAT_REGISTRATION_FAILED: entry<{ path: string; cause: string }>(
    'FEAT-035',
    (d) => `getRegistrations() of ${d.path} threw: ${d.cause}`,
    "Read the cause; fix the plugin's or module's register callback.",
  ),
  FEAT_UNKNOWN_REGISTRATION_TYPE: entry<{ path: string; registrationType: string }>(
    'FEAT-038',
    (d) => `Invalid registration type ${q(d.registrationType)} at ${d.path}`,
    "Registrations must have type 'plugin-v1.1', 'module-v1.1', 'plugin' or 'module'.",
  ),
  FEAT_INVALID_REGISTRATION: entry<ShapeDetails>('FEAT-039', shape, fixShape),
  FEAT_INVALID_EXTENSION_POINT_REF: entry<ShapeDetails>(
    'FEAT-043',
    shape,
    'Use a ref created by createExtensionPoint.',
  ),
  FEAT_INVALID_SERVICE_REF: entry<ShapeDetails>(
    'FEAT-068',
    shape,
    'Use a ref created by createServiceRef.',
  ),
  FEAT_INVALID_SERVICE_FACTORY: entry<ShapeDetails>(
    'FEAT-087',
    shape,
    'Create the factory with createServiceFactory.',
  ),
  FEAT_INVALID_LOADER: entry<ShapeDetails>(
    'FEAT-096',
    shape,
    'Create the loader with createBackendFeatureLoader and return an iterable of features.',
  ),
  FEAT_INVALID_LOADER_ITEM: entry<{ loader: string; item: string }>(
    'FEAT-095',
    (d) => `Invalid item "${d.item}" returned by feature loader ${d.loader}`,
    'Yield only features, or promises of modules whose default export is a feature.',
  ),
  FEAT_INVALID_ID: entry<{ pluginId: string; moduleId?: string; path?: string }>(
    'FEAT-062',
    (d) =>
      d.moduleId === undefined
        ? `Invalid pluginId ${q(d.pluginId)}, must match the pattern /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i (letters, digits, and dashes only, starting with a letter)`
        : `Invalid moduleId ${q(d.moduleId)} for plugin ${q(d.pluginId)}, must match the pattern /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i (letters, digits, and dashes only, starting with a letter)`,
    'Use letters, digits and dashes, starting with a letter, such as "user-settings".',
  ),
  FEAT_INVALID_MIDDLEWARE: entry<ShapeDetails>(
    'FEAT-103',
    shape,
    'Create middleware with createExtensionPointFactoryMiddleware.',
  ),
  FEAT_LEGACY_ID: entry<{ pluginId: string; moduleId?: string; path: string; loader?: string }>(
    'FEAT-067',
    (d) =>
      `${d.moduleId === undefined ? `Plugin id ${q(d.pluginId)}` : `Module id ${q(d.moduleId)} of plugin ${q(d.pluginId)}`} at ${d.path} uses '_', which only the legacy id pattern accepts`,
    "Replace '_' with '-' in the id.",
  ),
  FEAT_INIT_ALREADY_REGISTERED: entry<{ pluginId: string; moduleId?: string }>(
    'FEAT-053',
    (d) => `registerInit must only be called once (${who(d)})`,
    'Call registerInit exactly once.',
  ),
  FEAT_INIT_NOT_REGISTERED: entry<{ pluginId: string; moduleId?: string }>(
    'FEAT-054',
    (d) =>
      d.moduleId === undefined
        ? `registerInit was not called by register in ${d.pluginId}`
        : `registerInit was not called by register in ${d.moduleId} module for ${d.pluginId}`,
    'Call registerInit synchronously inside register.',
  ),
  FEAT_REGISTRATION_AFTER_INIT: entry<{ pluginId: string; moduleId?: string; method: string }>(
    'FEAT-057',
    (d) => `${d.method} called after registerInit (${who(d)})`,
    'Register extension points and connections before calling registerInit.',
  ),
  FEAT_DUPLICATE_CONNECTION: entry<{ pluginId: string; moduleId?: string; connectionType: string }>(
    'FEAT-060',
    (d) => `Duplicate connection registration for type ${q(d.connectionType)} in ${who(d)}`,
    'Register each connection type once.',
  ),

  // --- Backend instance (BACK, spec/docs/03-backend-instance.md) --------------------
  BACK_INVALID_OPTIONS: entry<{ path: string; expected: string; received: string }>(
    'BACK-003',
    (d) =>
      `Invalid createSpecializedBackend options at ${d.path}, expected ${d.expected}, received ${d.received}`,
    'Pass an array of service factories; add plugins, modules and loaders with add().',
  ),
  BACK_ADD_AFTER_START: entry<Record<string, never>>(
    'BACK-014',
    () => 'feature can not be added after the backend has started',
    'Add every feature before calling start().',
  ),
  BACK_ALREADY_STARTED: entry<Record<string, never>>(
    'BACK-023',
    () => 'Backend has already started',
    'Call start() once per backend; validate before starting.',
  ),
  BACK_ALREADY_STOPPED: entry<Record<string, never>>(
    'BACK-024',
    () => 'Backend has already stopped',
    'Create a new backend instance instead of reusing a stopped one.',
  ),
  BACK_FEATURE_REJECTED: entry<{ path: string; cause: string }>(
    'BACK-017',
    (d) => `The feature promise at ${d.path} rejected: ${d.cause}`,
    'Read the cause; check that the imported package is installed and loads.',
  ),
  BACK_DUPLICATE_PLUGIN_ID: entry<{ pluginId: string; paths: string[] }>(
    'BACK-028',
    (d) => `Plugin ${q(d.pluginId)} is already registered (by ${d.paths.join(' and ')})`,
    'Install each plugin once; if two packages claim the same id, remove one.',
  ),

  // --- Services (SVC, spec/docs/04-services.md) --------------------------------
  SVC_DUPLICATE_FACTORY: entry<{ serviceId: string; paths: string[] }>(
    'SVC-050',
    (d) =>
      `Duplicate service implementations provided for ${d.serviceId} by ${d.paths.join(' and ')}`,
    'Provide each singleton service once; to replace a default, pass one factory to add().',
  ),
  SVC_PLUGIN_METADATA_OVERRIDE: entry<{ serviceId: string; path: string }>(
    'SVC-041',
    (d) => `The ${d.serviceId} service cannot be overridden (factory at ${d.path})`,
    'Remove the factory; the runtime supplies this service for every plugin.',
  ),
  SVC_CIRCULAR_DEPENDENCY: entry<{ serviceId: string; cycle: string[]; cycles: string[][] }>(
    'SVC-048',
    (d) =>
      `Circular dependencies detected:\n${d.cycles.map((c) => `  ${c.map(q).join(' -> ')}`).join('\n')}`,
    'Break the cycle; a factory cannot (indirectly) depend on the service it provides.',
  ),
  SVC_SCOPE_VIOLATION: entry<{ serviceId: string; dependencyId: string }>(
    'SVC-042',
    (d) =>
      `Failed to instantiate 'root' scoped service ${q(d.serviceId)} because it depends on 'plugin' scoped service ${q(d.dependencyId)}.`,
    'Depend only on root-scoped services from a root factory, or make the service plugin-scoped.',
  ),
  SVC_FACTORY_FAILED: entry<{ serviceId: string; pluginId?: string; cause: string }>(
    'SVC-059',
    (d) =>
      `Failed to instantiate service ${q(d.serviceId)}` +
      (d.pluginId !== undefined ? ` for ${q(d.pluginId)}` : '') +
      ` because the factory function threw an error, ${d.cause}`,
    'Read the cause; fix the factory or the configuration it reads.',
  ),
  SVC_ROOT_CONTEXT_FAILED: entry<{ serviceId: string; cause: string }>(
    'SVC-015',
    (d) =>
      `Failed to instantiate service ${q(d.serviceId)} because createRootContext threw an error, ${d.cause}`,
    "Read the cause; fix the factory's shared setup or its configuration.",
  ),
  SVC_DEFAULT_FACTORY_LOADER_FAILED: entry<{ serviceId: string; cause: string }>(
    'SVC-037',
    (d) =>
      `Failed to instantiate service ${q(d.serviceId)} because the default factory loader threw an error, ${d.cause}`,
    'Read the cause; usually the package that holds the default factory is not installed or fails to load.',
  ),
  SVC_INVALID_DEFAULT_FACTORY: entry<{ serviceId: string; reason: string }>(
    'SVC-038',
    (d) =>
      `The default factory loader of service ${q(d.serviceId)} did not return a service factory for it: ${d.reason}`,
    'Make the loader return a factory created by createServiceFactory for the same ref.',
  ),
  LOAD_LOADER_DEPENDENCY_REPLACED: entry<{ serviceId: string; loader: string }>(
    'LOAD-036',
    (d) =>
      `Feature loader ${d.loader} provides a factory for ${q(d.serviceId)}, a service that feature loaders depend on; which factory loaders see would depend on the order of add() calls`,
    'Pass that factory to add() instead of producing it from a loader.',
  ),

  // --- Modules (MOD, spec/docs/06-modules.md) ------------------------------------
  BACK_DUPLICATE_MODULE_ID: entry<{ pluginId: string; moduleId: string; paths: string[] }>(
    'BACK-031',
    (d) =>
      `Module ${q(d.moduleId)} for plugin ${q(d.pluginId)} is already registered (by ${d.paths.join(' and ')})`,
    'Add the module once; when two packages claim the same ids, remove one of them.',
  ),
  BACK_ORPHAN_MODULE: entry<{ pluginId: string; moduleId: string; path?: string; loader?: string }>(
    'BACK-036',
    (d) =>
      `Module ${q(d.moduleId)} targets plugin ${q(d.pluginId)}, which is not installed; the module is skipped`,
    'Add the plugin the module extends, or remove the module.',
  ),
  MOD_STARTUP_FAILURE_REPORTED: entry<{ pluginId: string; moduleId: string; cause: string }>(
    'MOD-041',
    (d) =>
      `Plugin ${q(d.pluginId)} reported a startup failure for module ${q(d.moduleId)}: ${d.cause}`,
    'Fix what the module contributed (see cause), or allow it with onPluginModuleBootFailure: continue.',
  ),
  MOD_FAILURE_REPORTED_TOO_EARLY: entry<{ pluginId: string; moduleId: string }>(
    'MOD-042',
    (d) =>
      `Failed to amend module result for nonexistent module ${q(d.moduleId)} in plugin ${q(d.pluginId)}: its init has not settled`,
    "Call reportModuleStartupFailure from the plugin's init or later.",
  ),

  // --- Extension points (EXT, spec/docs/07-extension-points.md) -------------------
  EXT_DUPLICATE_EXTENSION_POINT: entry<{ extensionPointId: string; paths: string[] }>(
    'EXT-012',
    (d) =>
      `ExtensionPoint with ID ${q(d.extensionPointId)} is already registered (by ${d.paths.join(' and ')})`,
    'Register each extension point once; check for a plugin added twice or two packages claiming the same id.',
  ),
  EXT_FOREIGN_EXTENSION_POINT: entry<{
    extensionPointId: string;
    pluginId: string;
    moduleId: string;
    ownerPluginId: string;
    path?: string;
    loader?: string;
  }>(
    'EXT-021',
    (d) =>
      `Illegal dependency: Module ${q(d.moduleId)} for plugin ${q(d.pluginId)} attempted to depend on extension point ${q(d.extensionPointId)} for plugin ${q(d.ownerPluginId)}. Extension points can only be used within their plugin's scope.`,
    'Give the module the pluginId of the plugin that owns the extension point.',
  ),
  EXT_ILLEGAL_DEPENDENCY: entry<{
    extensionPointId: string;
    dependencyKey: string;
    path?: string;
    pluginId?: string;
    serviceId?: string;
    loader?: string;
  }>(
    'EXT-023',
    (d) =>
      `Rejected dependency on extension point ${q(d.extensionPointId)} from ${d.serviceId !== undefined ? `service factory ${q(d.serviceId)}` : d.loader !== undefined ? `feature loader ${d.loader}` : `plugin ${q(d.pluginId ?? '?')}`}: only modules may depend on extension points`,
    'Only modules may consume extension points; move the code that needs it into a module.',
  ),
  EXT_FACTORY_FAILED: entry<{
    extensionPointId: string;
    pluginId: string;
    moduleId: string;
    cause: string;
  }>(
    'EXT-035',
    (d) =>
      `Extension point ${q(d.extensionPointId)} factory threw for module ${q(d.moduleId)} of plugin ${q(d.pluginId)}: ${d.cause}`,
    'Fix the factory of the registrant; see cause.',
  ),
  EXT_MIDDLEWARE_FAILED: entry<{
    extensionPointId: string;
    pluginId: string;
    moduleId: string;
    index: number;
    cause: string;
  }>(
    'EXT-047',
    (d) =>
      `Extension point factory middleware [${d.index}] for ${q(d.extensionPointId)} failed for module ${q(d.moduleId)} of plugin ${q(d.pluginId)}: ${d.cause}`,
    'Fix the middleware at index; see cause.',
  ),

  // --- Feature loaders (LOAD, spec/docs/08-feature-loaders.md) ---------------------
  LOAD_NON_ROOT_DEPENDENCY: entry<{
    loader: string;
    dependencyKey: string;
    serviceId: string;
    scope: string;
  }>(
    'LOAD-003',
    (d) =>
      `Feature loaders can only depend on root scoped services, but ${q(d.dependencyKey)} (${q(d.serviceId)}) is scoped to ${q(d.scope)}. Offending loader is ${d.loader}`,
    'Depend only on root-scoped services such as rootConfig and rootLogger.',
  ),
  LOAD_MISSING_DEPENDENCY: entry<{ loader: string; dependencyKey: string; ref: string }>(
    'LOAD-004',
    (d) =>
      `No service available for ${d.ref} (key ${q(d.dependencyKey)}), depended on by feature loader ${d.loader}`,
    'Pass the factory for that service to add(), or remove the dependency.',
  ),
  LOAD_LOADER_FAILED: entry<{ loader: string; cause: string }>(
    'LOAD-020',
    (d) => `Feature loader ${d.loader} failed; caused by ${d.cause}`,
    'Fix the loader named by loader; see cause.',
  ),
  LOAD_DUPLICATE_SERVICE_FACTORY: entry<{ serviceId: string; loaders: string[] }>(
    'LOAD-033',
    (d) =>
      `Duplicate service implementations provided for ${d.serviceId} by both ${d.loaders.map((l) => `feature loader ${l}`).join(' and ')}`,
    "Keep one of the loaders' factories, or pass the factory you want to add(), which overrides all loaders.",
  ),

  LOAD_INVALID_PACKAGES_CONFIG: entry<{ configPath: string; reason: string }>(
    'LOAD-047',
    (d) => `Invalid package discovery configuration at ${d.configPath}: ${d.reason}`,
    'Set backend.packages to all, or to include and exclude lists of package names.',
  ),
  LOAD_PACKAGE_JSON_NOT_FOUND: entry<{ from: string }>(
    'LOAD-049',
    (d) => `Package discovery found no package.json in ${d.from} or any directory above it`,
    'Start the backend from a script that lives inside its package.',
  ),
  LOAD_PACKAGE_LOAD_FAILED: entry<{ packageName: string; cause: string }>(
    'LOAD-054',
    (d) => `Package discovery failed to load ${q(d.packageName)}: ${d.cause}`,
    'Fix or exclude the package named by packageName; see cause.',
  ),

  // --- Startup (INIT, spec/docs/09-startup.md) -------------------------------------
  INIT_PREFLIGHT_FAILED: entry<{ count: number; summary: string }>(
    'INIT-109',
    (d) =>
      `Backend wiring is invalid, ${d.count} problem(s) found, nothing was started:\n${d.summary}`,
    'Read findings; fix every finding of severity error and start again.',
  ),
  INIT_MISSING_DEPENDENCY: entry<{
    pluginId?: string;
    moduleId?: string;
    serviceId?: string;
    loader?: string;
    path?: string;
    dependencyKey: string;
    ref: string;
  }>(
    'INIT-053',
    (d) =>
      `${d.serviceId !== undefined ? `Service factory ${q(d.serviceId)}` : d.loader !== undefined ? `Feature loader ${d.loader}` : who({ pluginId: d.pluginId ?? '?', ...(d.moduleId !== undefined ? { moduleId: d.moduleId } : {}) })} depends on ${d.ref} (key ${q(d.dependencyKey)}), which nothing provides${d.ref.startsWith('serviceRef{core.') ? '; the feature may have been built against a newer version of the service API than this runtime provides' : ''}`,
    "Add the plugin, module or service factory that provides the ref, or check that the ref's package version matches the backend's.",
  ),
  INIT_MODULE_CYCLE: entry<{ pluginId: string; cycle: string[] }>(
    'INIT-036',
    (d) =>
      `Circular dependency detected for modules of plugin ${q(d.pluginId)}, ${d.cycle.map(q).join(' -> ')}`,
    'Break the cycle: move one extension point to the plugin or to a module that consumes none of the others.',
  ),
  INIT_INVALID_STARTUP_CONFIG: entry<{ configPath: string; value: string }>(
    'INIT-065',
    (d) =>
      `Invalid boot failure policy ${d.value} at ${d.configPath}, expected "abort" or "continue"`,
    'Use abort or continue.',
  ),
  INIT_UNKNOWN_STARTUP_TARGET: entry<{ configPath: string; pluginId: string; moduleId?: string }>(
    'INIT-066',
    (d) =>
      `${d.configPath} names ${d.moduleId === undefined ? `plugin ${q(d.pluginId)}` : `module ${q(d.moduleId)} of plugin ${q(d.pluginId)}`}, which is not installed`,
    'Correct the id, or remove the entry.',
  ),
  CONF_INVALID_DURATION: entry<{ configPath: string; value: string }>(
    'CONF-052',
    (d) => `Invalid duration ${d.value} at ${d.configPath}`,
    "Use a form such as '30s', 'PT30S' or { seconds: 30 }.",
  ),
  INIT_ROOT_SERVICE_FAILED: entry<{ serviceId: string; cause: string }>(
    'INIT-012',
    (d) => `Eager root service ${q(d.serviceId)} failed to instantiate: ${d.cause}`,
    'Fix the failing factory named by serviceId, usually its configuration; see cause.',
  ),
  INIT_DEPENDENCY_FAILED: entry<{
    pluginId: string;
    moduleId?: string;
    serviceId: string;
    cause: string;
  }>(
    'INIT-057',
    (d) => `Service ${q(d.serviceId)} needed by ${who(d)} could not be instantiated: ${d.cause}`,
    'Fix the service named by serviceId; see cause.',
  ),
  INIT_PLUGIN_INIT_FAILED: entry<{ pluginId: string; cause: string }>(
    'INIT-078',
    (d) => `Plugin ${q(d.pluginId)} startup failed; caused by ${d.cause}`,
    "Fix the plugin's init; see cause, or allow the failure with onPluginBootFailure: continue.",
  ),
  INIT_MODULE_INIT_FAILED: entry<{ pluginId: string; moduleId: string; cause: string }>(
    'INIT-079',
    (d) =>
      `Module ${q(d.moduleId)} for plugin ${q(d.pluginId)} startup failed; caused by ${d.cause}`,
    "Fix the module's init; see cause, or allow the failure with onPluginModuleBootFailure: continue.",
  ),
  BACK_STARTUP_FAILED: entry<{ summary: string }>(
    'BACK-022',
    (d) => `Backend startup failed due to the following errors:\n${d.summary}`,
    'Inspect result.plugins for entries with failure.allowed === false and fix them, or change the failure policy.',
  ),
  LIFE_STARTUP_HOOK_AFTER_STARTUP: entry<{ pluginId?: string }>(
    'LIFE-009',
    () => 'Attempted to add startup hook after startup',
    'Add startup hooks during init or from a service factory.',
  ),
  INIT_INTERNAL_ERROR: entry<{ cause: string }>(
    'INIT-006',
    (d) => `Unexpected uncaught backend startup error: ${d.cause}`,
    "Report it to the runtime's maintainers with the cause.",
  ),

  // --- Shutdown (STOP, spec/docs/10-shutdown.md) ------------------------------------
  LIFE_SHUTDOWN_HOOK_AFTER_SHUTDOWN: entry<{ pluginId?: string }>(
    'LIFE-010',
    () => 'Attempted to add shutdown hook after shutdown',
    'Register shutdown hooks during init or from a service factory.',
  ),
  LIFE_BEFORE_SHUTDOWN_HOOK_AFTER_SHUTDOWN: entry<Record<string, never>>(
    'LIFE-011',
    () => 'Attempt to add before shutdown hook after shutdown has started',
    'Register before-shutdown hooks from a root service factory.',
  ),
  LIFE_HOOK_FAILED: entry<{ phase: string; pluginId?: string; hook?: string; cause: string }>(
    'LIFE-016',
    (d) =>
      `${d.phase} hook${d.hook ? ` ${q(d.hook)}` : ''}${d.pluginId !== undefined ? ` of plugin ${q(d.pluginId)}` : ''} failed; caused by ${d.cause}`,
    'Fix the hook; see cause. The other hooks still ran.',
  ),
  LIFE_SHUTDOWN_PHASE_TIMEOUT: entry<{
    phase: string;
    timeoutMs: number;
    pending: string[];
    pluginId?: string;
  }>(
    'LIFE-037',
    (d) =>
      `Shutdown phase ${d.phase} did not end within ${d.timeoutMs}ms; still pending: ${d.pending.join(', ') || 'none'}`,
    'Make the listed hooks finish sooner, or raise backend.lifecycle.shutdownPhaseTimeout.',
  ),
  LIFE_UNEXPECTED_IMPLEMENTATION: entry<{
    serviceId: string;
    pluginId?: string;
    missing: string[];
  }>(
    'LIFE-007',
    (d) =>
      `The ${q(d.serviceId)} service${d.pluginId !== undefined ? ` of plugin ${q(d.pluginId)}` : ''} lacks ${d.missing.join(', ')}, so the runtime cannot run its hooks`,
    'Keep startup(), beforeShutdown() and shutdown() when overriding core.lifecycle or core.rootLifecycle.',
  ),
  LIFE_INVALID_HOOK: entry<{ method: string; pluginId?: string; received: string }>(
    'LIFE-008',
    (d) =>
      `${d.method} expects a function${d.pluginId !== undefined ? ` (plugin ${q(d.pluginId)})` : ''}, received ${d.received}`,
    'Pass a function.',
  ),
} as const;

export type ErrorCode = keyof typeof errorCatalog;

/** The culprit fields an error with code `C` carries. */
export type ErrorDetails<C extends ErrorCode> = Parameters<(typeof errorCatalog)[C]['message']>[0];
