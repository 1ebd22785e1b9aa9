/**
 * The one catalog of every error the reference implementation raises.
 *
 * Each entry binds a stable code (owned by the spec chapters' `## Errors`
 * tables) to the requirement it enforces, a message template that names the
 * culprit, a hint, and, for errors that reach HTTP clients, the error name that
 * HTTP error handlers map to a status (RHTTP-067) together with that status.
 * Codes are the contract; messages may change. Entries are grouped by the
 * chapter that defines them. `errorCatalog.test.ts` checks the codes against
 * the spec in both directions and pins their number.
 *
 * Service errors keep their public classes (`ConfigError`, `SchedulerError`,
 * ...): each is a subclass of `OpenstageError` whose code, requirement, hint and
 * name come from here. Every message is worded here, never at the raising site:
 * sites pass the culprit values (plugin id, config path, task id, URL, token
 * issuer, the offending value) and at most a short `problem` or `reason`
 * fragment; the catalog test fails on a template that passes a site's text
 * through.
 */

import type { ErrorCode as SpecErrorCode } from '@openstage/spec';
import type { ConfigProblem } from './ConfigProblem.js';

const q = (value: string): string => `'${value}'`;
const from = (source: string | undefined): string => (source === undefined ? '' : ` in ${source}`);

/**
 * How an error faces HTTP clients: the `name` error handlers map to a status
 * (RHTTP-067), and that status. `base` is the built-in class the error must be
 * an instance of, for codes whose requirement names one.
 */
interface EntryOptions {
  readonly name?: string;
  readonly status?: number;
  readonly base?: 'TypeError';
  /** False when a requirement fixes the message word for word, so no `[code, requirement]` suffix. */
  readonly suffix?: false;
}

/** A catalog entry: the requirement it enforces, a message template and a hint. */
export interface CatalogEntry<TDetails> extends EntryOptions {
  readonly requirement: string;
  readonly message: (details: TDetails) => string;
  readonly hint: string;
}

function entry<TDetails>(
  requirement: string,
  message: (details: TDetails) => string,
  hint: string,
  options: EntryOptions = {},
): CatalogEntry<TDetails> {
  return { requirement, message, hint, ...options };
}

const quoteAll = (values: readonly string[]): string => values.map(q).join(', ');

/** The token a verification error is about: its kind and, when known, the issuing plugin. */
type TokenCulprit = {
  tokenKind: 'plugin token' | 'user token' | 'limited user token' | 'legacy external access token';
  pluginId?: string;
};
const tokenName = (d: TokenCulprit): string =>
  d.pluginId === undefined ? d.tokenKind : `${d.tokenKind} from plugin ${q(d.pluginId)}`;

/** The target of an injected fault (TEST-240): a service factory, or a plugin's or module's init. */
type FaultCulprit = { pluginId?: string; moduleId?: string; serviceId?: string };
const faultName = (d: FaultCulprit): string =>
  d.serviceId !== undefined
    ? `serviceFactory fault on ${q(d.serviceId)}${d.pluginId === undefined ? '' : ` for plugin ${q(d.pluginId)}`}`
    : d.moduleId === undefined
      ? `init fault on plugin ${q(d.pluginId ?? '')}`
      : `init fault on module ${q(d.moduleId)} of plugin ${q(d.pluginId ?? '')}`;

/** A test database or cache id the environment cannot provide (TEST-205, TEST-221). */
type TestEngineCulprit = { id: string; supported?: string[]; env?: string; shared?: boolean };
const unsupportedTestEngine = (what: string, d: TestEngineCulprit): string =>
  `Unsupported ${d.shared === true ? 'shared ' : ''}${what} ${d.id} for this environment${d.supported === undefined ? '' : `, possible values are ${d.supported.join(', ') || 'none'}`}; set ${d.env ?? 'its connection-string variable'} to enable it`;

/**
 * A database configuration problem, or (with `problems`) the one error that lists the messages
 * of every misconfigured plugin's error.
 */
type DbConfigProblems<T> = T & { problems?: string[] };
const dbConfig =
  <T>(single: (d: T) => string) =>
  (d: DbConfigProblems<T>): string =>
    d.problems === undefined
      ? single(d)
      : `Invalid database configuration for ${d.problems.length} plugins:\n${d.problems.map((p) => `  - ${p}`).join('\n')}`;

/**
 * A bad schedule field: of a task given to `scheduleTask` (`configPath` is the field, such as
 * `timeout` or `frequency.cron`), or, with `source: 'config'`, of a schedule read from config
 * (`configPath` is the config key).
 */
type ScheduleFieldCulprit = {
  pluginId?: string;
  taskId?: string;
  configPath: string;
  received?: string;
  problem: string;
  source?: 'config';
};
const taskName = (d: { pluginId?: string; taskId?: string }): string =>
  `${d.taskId === undefined ? 'task' : `task ${q(d.taskId)}`}${d.pluginId === undefined ? '' : ` of plugin ${q(d.pluginId)}`}`;
const scheduleField = (d: ScheduleFieldCulprit): string =>
  d.source === 'config'
    ? `Invalid duration at config key ${q(d.configPath)}${d.received === undefined ? '' : ` (${d.received})`}: ${d.problem}`
    : `Invalid ${d.configPath}${d.received === undefined ? '' : ` ${d.received}`} of ${taskName(d)}: ${d.problem}`;

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

  // --- Configuration (CONF, spec/docs/12-configuration.md; RCFG, services/root-config.md) -------
  // Messages name the file, config path or variable and never a configured value, which could be
  // a secret (CONF-068).
  CONF_FILE_NOT_FOUND: entry<{ file: string }>(
    'CONF-003',
    (d) => `Config file ${q(d.file)} does not exist`,
    'Create the file, start the backend from the right directory, or pass the correct --config path.',
  ),
  CONF_FILE_READ_FAILED: entry<{ file: string; reason: string }>(
    'CONF-010',
    (d) => `Config file ${q(d.file)} could not be read: ${d.reason}`,
    "Fix the file's permissions or path.",
  ),
  CONF_PARSE_FAILED: entry<{ file: string; line: number; column: number; reason: string }>(
    'CONF-012',
    (d) =>
      `Config file ${q(d.file)} is not valid YAML at line ${d.line}, column ${d.column}: ${d.reason}`,
    'Fix the syntax at the reported line.',
  ),
  CONF_ROOT_NOT_OBJECT: entry<{ file: string; found: string }>(
    'CONF-014',
    (d) => `Config file ${q(d.file)} must hold a mapping at the top level, found ${d.found}`,
    'Make the file a mapping of keys to values.',
  ),
  CONF_REMOTE_DISABLED: entry<{ url: string }>(
    'CONF-016',
    (d) => `Remote config ${q(d.url)} cannot be loaded: remote configuration is not enabled`,
    'Pass the remote option to the rootConfig factory, or use a file path.',
  ),
  CONF_INVALID_ENV_KEY: entry<{ variable: string }>(
    'CONF-022',
    (d) =>
      `Invalid environment variable name ${q(d.variable)}: every _-separated part must start with a letter and hold only letters, digits and single dashes`,
    'Rename the variable; keys that contain _ can only be set in files.',
  ),
  CONF_ENV_CONFLICT: entry<{ variables: [string, string] }>(
    'CONF-023',
    (d) =>
      `Environment variables ${q(d.variables[0])} and ${q(d.variables[1])} address the same or overlapping config paths`,
    'Remove one of the variables, or set the whole object in one of them.',
  ),
  CONF_INCLUDE_ADJACENT_KEYS: entry<{ configPath: string; file: string; includeKey: string }>(
    'CONF-033',
    (d) =>
      `${d.includeKey} at ${q(d.configPath)} in ${q(d.file)} must be the only key of its mapping`,
    'Move the other keys elsewhere; an include replaces its whole mapping.',
  ),
  CONF_INCLUDE_NOT_STRING: entry<{ configPath: string; file: string; includeKey: string }>(
    'CONF-034',
    (d) => `The value of ${d.includeKey} at ${q(d.configPath)} in ${q(d.file)} must be a string`,
    'Give the include a variable name or a file path as a string.',
  ),
  CONF_INCLUDE_UNDEFINED: entry<{ configPath: string; file: string; includeKey: string }>(
    'CONF-073',
    (d) =>
      `The value of ${d.includeKey} at ${q(d.configPath)} in ${q(d.file)} refers to an environment variable that is not set`,
    'Set the variable or give it a :- fallback.',
  ),
  CONF_INCLUDE_READ_FAILED: entry<{ configPath: string; file: string; reason: string }>(
    'CONF-039',
    (d) => `File ${q(d.file)} included at ${q(d.configPath)} could not be read: ${d.reason}`,
    'Create the file or fix the path, which is relative to the including file.',
  ),
  CONF_INCLUDE_UNSUPPORTED_FORMAT: entry<{ configPath: string; file: string }>(
    'CONF-040',
    (d) => `File ${q(d.file)} included at ${q(d.configPath)} must end in .json, .yaml or .yml`,
    'Rename the file or use $file to read it as a string.',
  ),
  CONF_INCLUDE_PARSE_FAILED: entry<{ configPath: string; file: string; reason: string }>(
    'CONF-041',
    (d) => `File ${q(d.file)} included at ${q(d.configPath)} could not be parsed: ${d.reason}`,
    'Fix the included file.',
  ),
  CONF_INCLUDE_FRAGMENT_INVALID: entry<{
    configPath: string;
    file: string;
    fragment: string;
    walked: string;
  }>(
    'CONF-043',
    (d) =>
      `Fragment ${q(d.fragment)} of the include at ${q(d.configPath)} does not resolve in ${q(d.file)}: ${d.walked === '' ? 'the document' : q(d.walked)} is not a mapping or is missing`,
    'Correct the # fragment or the structure of the included file.',
  ),
  CONF_INCLUDE_CYCLE: entry<{ configPath: string; files: string[] }>(
    'CONF-045',
    (d) => `Include cycle at ${q(d.configPath)}: ${d.files.map(q).join(' -> ')}`,
    'Break the cycle between the listed files.',
  ),
  CONF_INVALID_DURATION: entry<{ configPath: string; reason: string }>(
    'CONF-052',
    (d) => `Invalid duration at ${q(d.configPath)}: ${d.reason}`,
    'Use a form such as 30s, PT30S or seconds: 30.',
  ),
  CONF_SCHEMA_INVALID: entry<{
    location: string;
    reason: string;
    packageName?: string;
    configPath?: string;
  }>(
    'CONF-059',
    (d) =>
      `Invalid config schema ${q(d.location)}${d.packageName === undefined ? '' : ` of package ${q(d.packageName)}`}${d.configPath === undefined ? '' : ` at ${q(d.configPath)}`}: ${d.reason}`,
    "Fix the package's configSchema, or report it to the package's authors.",
  ),
  CONF_SCHEMA_VALIDATION_FAILED: entry<{ problems: ConfigProblem[] }>(
    'CONF-061',
    (d) =>
      `Configuration does not match the schema (${d.problems.length} problem${d.problems.length === 1 ? '' : 's'}):\n${d.problems
        .map((p) => `  ${p.path === '' ? '<root>' : p.path}: ${p.message}`)
        .join('\n')}`,
    'Correct every value listed in problems.',
  ),
  RCFG_INVALID_KEY: entry<{ key: string; configPath: string }>(
    'RCFG-004',
    (d) =>
      `Invalid config key ${q(d.key)}${d.configPath === d.key ? '' : ` (at ${q(d.configPath)})`}`,
    'Use keys such as backend.listen.port; each part starts with a letter.',
  ),
  RCFG_MISSING_VALUE: entry<{ configPath: string; source?: string; purpose?: string }>(
    'RCFG-010',
    (d) =>
      `Missing required config value at ${q(d.configPath)}${from(d.source)}${d.purpose === undefined ? '' : `, needed for ${d.purpose}`}`,
    'Set the value in configuration, or read it with the optional getter.',
  ),
  RCFG_TYPE_MISMATCH: entry<{
    configPath: string;
    expected: string;
    found: string;
    source?: string;
  }>(
    'RCFG-011',
    (d) =>
      `Invalid type in config for key ${q(d.configPath)}${from(d.source)}, got ${d.found}, wanted ${d.expected}`,
    'Change the configured value to the expected type.',
  ),
  RCFG_CONVERSION_FAILED: entry<{ configPath: string; expected: string; source?: string }>(
    'RCFG-016',
    (d) =>
      `Unable to convert config value for key ${q(d.configPath)}${from(d.source)} to a ${d.expected}`,
    'Write a plain number, or one of the accepted boolean spellings.',
  ),
  RCFG_RELOAD_FAILED: entry<{ source: string; reason: string }>(
    'RCFG-037',
    (d) =>
      `Reloading configuration from ${d.source} failed, keeping the previous configuration: ${d.reason}`,
    'Fix the reported file or value; the next change is picked up automatically.',
  ),

  // --- rootLogger and logger services (LOG, spec/docs/services/logger.md) -----------------------
  LOG_INVALID_LEVEL: entry<{ configPath: string; value: string }>(
    'LOG-017',
    (d) =>
      `Invalid log level ${d.value} in ${d.configPath}, expected one of error, warn, info, debug`,
    'Set one of the four levels.',
  ),
  LOG_INVALID_OVERRIDE_LEVEL: entry<{ configPath: string; value: string }>(
    'LOG-030',
    (d) => `Invalid config at ${d.configPath}: ${d.value} is not one of error, warn, info, debug`,
    'Give every override one of the four levels.',
  ),
  LOG_INVALID_OVERRIDE_MATCHERS: entry<{ configPath: string; value: string }>(
    'LOG-031',
    (d) =>
      `Invalid config at ${d.configPath}: expected a mapping of field names to matchers, got ${d.value}`,
    'Add a matchers mapping of field names to matchers.',
  ),

  // --- Discovery service (DISC, spec/docs/services/discovery.md) --------------------------------
  DISC_BASE_URL_MISSING: entry<{ configPath: string }>(
    'DISC-030',
    () => 'Missing required config value at backend.baseUrl',
    'Set backend.baseUrl to the URL under which browsers and other clients reach this backend.',
  ),
  DISC_BASE_URL_INVALID: entry<{ configPath: string; value: string }>(
    'DISC-031',
    (d) => `Invalid config at ${d.configPath}: ${d.value} is not an absolute http or https URL`,
    'Write the full URL including the scheme, for example https://backstage.example.com.',
  ),
  DISC_INVALID_ENDPOINT: entry<{ configPath: string; reason: string }>(
    'DISC-051',
    (d) => `Invalid config at ${d.configPath}: ${d.reason}`,
    'Give the entry a target (string or { internal, external }) and a plugins list of plugin ids.',
  ),
  DISC_SRV_NOT_ALLOWED: entry<{ configPath: string; value: string }>(
    'DISC-063',
    (d) =>
      `Invalid config at ${d.configPath}: SRV resolver URLs cannot be used in the target for external endpoints (${d.value})`,
    'Move the SRV URL to target.internal and give the plugin a plain external URL, or none to use backend.baseUrl.',
  ),
  DISC_SRV_INVALID_URL: entry<{ configPath: string; value: string; reason: string }>(
    'DISC-064',
    (d) => `Invalid config at ${d.configPath}: SRV target ${d.value} ${d.reason}`,
    'Remove the port, credentials, query and fragment; the port comes from the SRV record.',
  ),
  DISC_SRV_RESOLUTION_FAILED: entry<{ recordName: string; reason: string }>(
    'DISC-065',
    (d) => `SRV lookup of ${d.recordName} failed: ${d.reason}`,
    'Check the record name and the DNS configuration of the host.',
  ),

  // --- Auditor service (AUDIT, spec/docs/services/auditor.md) -----------------------------------
  AUDIT_INVALID_SEVERITY: entry<{ value: string; eventId: string; pluginId: string }>(
    'AUDIT-005',
    (d) =>
      `Invalid severity level ${d.value} for audit event ${q(d.eventId)} of plugin ${q(d.pluginId)}, expected one of low, medium, high, critical`,
    'Pass one of the four levels, or omit severityLevel for low.',
    // The caller passed bad input, which error handlers answer with 400.
    { name: 'InputError', status: 400 },
  ),
  AUDIT_CREDENTIALS_UNRESOLVED: entry<{ eventId: string; pluginId: string; reason: string }>(
    'AUDIT-031',
    (d) =>
      `Could not resolve the credentials of the request for audit event ${q(d.eventId)} of plugin ${q(d.pluginId)}: ${d.reason}`,
    'Authenticate the request before creating the event, or create the event without request.',
    // Keeps the 401 that an unauthenticated request deserves.
    { name: 'AuthenticationError', status: 401 },
  ),
  AUDIT_INVALID_SEVERITY_MAPPING: entry<{ configPath: string; value: string }>(
    'AUDIT-045',
    (d) =>
      `Invalid config at ${d.configPath}: ${d.value} is not a log level, expected one of debug, info, warn, error`,
    'Use debug, info, warn or error at the config key named in the error.',
    { name: 'InputError', status: 400 },
  ),

  // --- Permissions service (PERM, spec/docs/services/permissions.md) ----------------------------
  PERM_BACKEND_ERROR: entry<{ url: string; status?: number; reason?: string }>(
    'PERM-056',
    (d) =>
      `The permission backend at ${d.url} ${d.status === undefined ? 'could not be reached' : `answered with status ${d.status}`}${d.reason ? `: ${d.reason}` : ''}`,
    "Check that the permission plugin is installed, reachable under the URL discovery returns for 'permission', and that its policy does not throw.",
  ),
  PERM_INVALID_RESPONSE: entry<{ url: string; reason: string }>(
    'PERM-057',
    (d) => `Invalid answer from the permission backend at ${d.url}: ${d.reason}`,
    'Run a permission plugin whose API version matches this backend; check proxies that could rewrite the answer.',
  ),

  // --- Permissions registry service (PREG, spec/docs/services/permissions-registry.md) ----------
  PREG_ADD_AFTER_START: entry<{ pluginId: string; method: string }>(
    'PREG-009',
    (d) =>
      `Cannot call ${d.method} of the permissions registry of plugin ${q(d.pluginId)} after the plugin has started`,
    'Register permissions, rules and resource types during the init of the plugin or module.',
  ),
  PREG_RESOURCE_PLUGIN_MISMATCH: entry<{
    pluginId: string;
    refPluginId: string;
    resourceType: string;
  }>(
    'PREG-007',
    (d) =>
      `Resource type ${q(d.resourceType)} belongs to plugin ${q(d.refPluginId)}, but was used with plugin ${q(d.pluginId)}`,
    "Create the resource ref with the owning plugin's id, and register it only there.",
  ),
  PREG_DUPLICATE_RESOURCE_TYPE: entry<{ pluginId: string; resourceType: string }>(
    'PREG-014',
    (d) => `Resource type ${q(d.resourceType)} is already registered for plugin ${q(d.pluginId)}`,
    'Register each resource type once, in the plugin that owns it.',
  ),
  PREG_DUPLICATE_RULE: entry<{ pluginId: string; resourceType: string; rule: string }>(
    'PREG-015',
    (d) =>
      `Rule ${q(d.rule)} is already registered for resource type ${q(d.resourceType)} of plugin ${q(d.pluginId)}`,
    'Give each rule of a resource type a unique name.',
  ),
  PREG_UNKNOWN_RULE: entry<{ pluginId: string; resourceType: string; rule: string }>(
    'PREG-006',
    (d) =>
      `Unknown permission rule ${q(d.rule)} for resource type ${q(d.resourceType)} of plugin ${q(d.pluginId)}`,
    'Register the rule with addPermissionRules or addResourceType, or fix the policy that names it.',
    { name: 'InputError', status: 400 },
  ),
  PREG_INVALID_REQUEST: entry<{ pluginId?: string; reason: string }>(
    'PREG-028',
    (d) => `Invalid apply-conditions request: ${d.reason}`,
    'Send { items: [{ id, resourceType, resourceRef, conditions }] }.',
    { name: 'InputError', status: 400 },
  ),
  PREG_UNKNOWN_RESOURCE_TYPE: entry<{ pluginId: string; resourceTypes: string[] }>(
    'PREG-029',
    (d) => `Unexpected resource types for plugin ${q(d.pluginId)}: ${d.resourceTypes.join(', ')}`,
    "Send conditions to the plugin named in the conditional decision's pluginId.",
    { name: 'InputError', status: 400 },
  ),
  PREG_RESOURCES_UNAVAILABLE: entry<{ pluginId: string; resourceType: string }>(
    'PREG-030',
    (d) =>
      `Resource type ${q(d.resourceType)} of plugin ${q(d.pluginId)} has no getResources, so conditions cannot be applied to it`,
    'Pass getResources to addResourceType.',
    { name: 'NotImplementedError', status: 501 },
  ),
  PREG_INVALID_RULE_PARAMS: entry<{
    pluginId?: string;
    resourceType: string;
    rule: string;
    reason: string;
  }>(
    'PREG-031',
    (d) =>
      `Invalid params for rule ${q(d.rule)} of resource type ${q(d.resourceType)}: ${d.reason}`,
    "Fix the parameters in the permission policy to match the rule's paramsSchema.",
    { name: 'InputError', status: 400 },
  ),

  // --- Database service (DB, spec/docs/services/database.md) ---------------------------------
  // The configuration codes also render the one error that lists every misconfigured plugin
  // (`problems`, the messages of the individual errors), typed by the first problem's code.
  DB_CONNECTION_FAILED: entry<{ pluginId: string; configPath: string; reason: string }>(
    'DB-030',
    (d) =>
      `Could not connect to the database of plugin ${q(d.pluginId)} using the connection at ${d.configPath}: ${d.reason}`,
    'Check host, port, credentials and network access for the connection at the config path named in the error.',
  ),
  DB_CREATE_FAILED: entry<{
    pluginId: string;
    configPath: string;
    kind: 'database' | 'schema';
    name: string;
    reason: string;
  }>(
    'DB-047',
    (d) =>
      `Could not create ${d.kind} ${q(d.name)} for plugin ${q(d.pluginId)} (connection at ${d.configPath}): ${d.reason}`,
    'Grant the configured user the right to create databases or schemas, or create them out of band and set ensureExists: false.',
  ),
  DB_INVALID_DIVISION_MODE: entry<DbConfigProblems<{ configPath: string; mode: string }>>(
    'DB-042',
    dbConfig(
      (d) =>
        `Invalid database division mode ${d.mode} at ${d.configPath}; use 'database' or 'schema'`,
    ),
    'Set it to database or schema.',
  ),
  DB_MISSING_CONNECTION: entry<
    DbConfigProblems<{
      pluginId: string;
      configPath: string;
      client: string;
      pluginConfigPath: string;
    }>
  >(
    'DB-026',
    dbConfig(
      (d) =>
        `Plugin ${q(d.pluginId)} uses client ${q(d.client)} but no connection is configured; set ${d.configPath} or ${d.pluginConfigPath}`,
    ),
    "Add backend.database.connection (or the plugin's own connection).",
  ),
  DB_SCHEMA_MODE_UNSUPPORTED: entry<
    DbConfigProblems<{ pluginId: string; configPath: string; client: string; modePath: string }>
  >(
    'DB-041',
    dbConfig(
      (d) =>
        `Plugin ${q(d.pluginId)} uses client ${q(d.client)} (${d.configPath}), but ${d.modePath} 'schema' is only supported with 'pg'`,
    ),
    'Use pg for that plugin, or switch back to pluginDivisionMode: database.',
  ),
  DB_UNSUPPORTED_CLIENT: entry<
    DbConfigProblems<{ pluginId: string; configPath: string; client: string; supported: string[] }>
  >(
    'DB-024',
    dbConfig(
      (d) =>
        `Unsupported database client ${d.client} for plugin ${q(d.pluginId)}, read from ${d.configPath}; supported clients are ${d.supported.join(', ')}`,
    ),
    'Set client to pg, better-sqlite3, sqlite3, mysql or mysql2 at the config path named in the error.',
  ),
  DB_UNSUPPORTED_CONNECTION_TYPE: entry<
    DbConfigProblems<{ pluginId: string; configPath: string; type: string; supported: string[] }>
  >(
    'DB-075',
    dbConfig(
      (d) =>
        `Unsupported connection type ${d.type} for plugin ${q(d.pluginId)}, read from ${d.configPath}; supported types are ${d.supported.join(', ')}`,
    ),
    'Set type to a provider the implementation lists, or remove it to pass the settings to the client unchanged.',
  ),

  // --- Cache service (CACHE, spec/docs/services/cache.md) ------------------------------------
  CACHE_INVALID_TTL: entry<{
    pluginId?: string;
    configPath?: string;
    where: string;
    received: string;
    reason: string;
  }>(
    'CACHE-050',
    (d) =>
      `Invalid ${d.where} ${d.received}: ${d.reason}; use a positive number of milliseconds or a duration such as { minutes: 5 }`,
    'Pass a positive number of milliseconds or a HumanDuration such as { minutes: 5 }.',
  ),
  CACHE_INVALID_VALUE: entry<{ pluginId: string; key: string; valueType: string; reason?: string }>(
    'CACHE-015',
    (d) =>
      `Cannot cache the value for key ${JSON.stringify(d.key)} of plugin ${q(d.pluginId)}: ${d.valueType} is not a JSON value${d.reason === undefined ? '' : ` (${d.reason})`}`,
    'Store only JSON values; convert dates to strings and drop functions and undefined.',
  ),
  CACHE_MISSING_CONNECTION: entry<{ configPath: string; store: string }>(
    'CACHE-067',
    (d) =>
      `The cache store ${q(d.store)} needs a connection URL at ${d.configPath}, such as redis://host:6379`,
    'Add backend.cache.connection with the URL of the store.',
  ),
  CACHE_UNSUPPORTED_OPTION: entry<{ configPath: string; store: string }>(
    'CACHE-069',
    (d) =>
      `${d.configPath} is set, but this cache implementation does not support ${d.store} clusters; remove ${d.configPath} and point backend.cache.connection at a single node, or at a proxy in front of the cluster`,
    'Remove the option; for a Redis cluster, point backend.cache.connection at one node or at a proxy in front of the cluster.',
  ),
  CACHE_UNSUPPORTED_STORE: entry<{ configPath: string; store: string; supported: string[] }>(
    'CACHE-065',
    (d) => `Unsupported cache store ${d.store} at ${d.configPath}; use ${d.supported.join(', ')}`,
    'Use memory, redis or valkey, or a store the implementation documents.',
  ),

  // --- URL reader service (URL, spec/docs/services/url-reader.md) ----------------------------
  URL_ARCHIVE_TOO_LARGE: entry<{
    url: string;
    archiveUrl: string;
    configPath: string;
    limit: number;
    measure: 'downloaded' | 'unpacked';
  }>(
    'URL-099',
    (d) =>
      `${d.archiveUrl} is larger than ${d.limit} bytes ${d.measure === 'downloaded' ? 'on the wire' : 'unpacked'}, the limit set by ${d.configPath}, so the plain HTTP reader refused to read ${d.url}; read a smaller archive or a folder of it, or raise ${d.configPath}`,
    'Read a smaller archive or a folder of it, or raise the config key the error names.',
    { name: 'InputError', status: 400 },
  ),
  URL_INVALID_ALLOW_ENTRY: entry<{ configPath: string; problem: string }>(
    'URL-050',
    (d) => `Invalid reading allow list at ${d.configPath}: ${d.problem}`,
    'Give each entry a host such as example.com, *.example.com or example.com:8080.',
    { name: 'InputError', status: 400 },
  ),
  URL_INVALID_ARCHIVE_LIMIT: entry<{ configPath: string; value: string }>(
    'URL-105',
    (d) =>
      `${d.configPath} is set to ${d.value}, which is not a positive whole number of bytes; set it to an integer greater than zero, such as 67108864 for 64 MiB, or unset it for the default`,
    'Set the key to a whole number of bytes greater than zero, or unset it for the default.',
  ),
  URL_INVALID_URL: entry<{ url: string; problem?: string }>(
    'URL-012',
    (d) =>
      `Invalid URL ${q(d.url)}: ${d.problem ?? 'not an absolute URL such as https://host/path'}`,
    'Pass an absolute URL such as https://host/path.',
    { name: 'InputError', status: 400 },
  ),
  URL_INVALID_WORKING_DIRECTORY: entry<{ configPath: string; configured: string; reason: string }>(
    'URL-082',
    (d) =>
      `${d.configPath} is set to ${d.configured}, which ${d.reason}; create the directory, make it writable for the backend, or unset ${d.configPath}`,
    'Create the directory, make it writable for the backend, or unset the key.',
  ),
  URL_NOT_ALLOWED: entry<{
    url: string;
    configPath: string;
    redirectedTo?: string;
    tooManyRedirects?: boolean;
  }>(
    'URL-034',
    (d) =>
      d.redirectedTo === undefined
        ? `Reading from ${d.url} is not allowed: no reader accepts it. Configure an integration for the host, add it to ${d.configPath}, or register a custom reader`
        : `Reading ${d.url} redirected to ${d.redirectedTo}, which ${d.configPath} does not allow${d.tooManyRedirects === true ? ' (too many redirects)' : ''}`,
    'Configure an integration for the host, add the host and path to backend.reading.allow, or register a custom reader.',
    { name: 'NotAllowedError', status: 403 },
  ),
  URL_NOT_FOUND: entry<{ url: string; mock?: boolean }>(
    'URL-009',
    (d) =>
      d.mock === true
        ? `Mock urlReader has no file for ${d.url}; add it to the files option`
        : `${d.url} could not be read: not found`,
    'Check the URL; for integrations, check that the configured credentials can see it.',
    { name: 'NotFoundError', status: 404 },
  ),
  URL_NOT_MODIFIED: entry<{ url: string }>(
    'URL-006',
    (d) => `${d.url} has not been modified since the given etag or date`,
    'Nothing to fix: keep using the content from the previous read.',
    { name: 'NotModifiedError', status: 304 },
  ),
  URL_READ_FAILED: entry<{ url: string; status?: number; statusText?: string; reason?: string }>(
    'URL-066',
    (d) =>
      `${d.url} could not be read: ${d.status === undefined ? (d.reason ?? 'the request failed') : `the server answered ${d.status} ${d.statusText ?? ''}`.trimEnd()}`,
    'Check the status code and URL in the error, the network path and the server.',
  ),
  URL_UNSAFE_PATH: entry<{ url: string; entryPath: string }>(
    'URL-025',
    (d) =>
      `The tree read from ${d.url} holds the entry ${q(d.entryPath)}, which would be written outside the target directory; remove entries with absolute paths or '..' segments from the source`,
    'Remove entries with absolute paths or .. segments from the source.',
    { name: 'NotAllowedError', status: 403 },
  ),
  URL_UNSUPPORTED_OPERATION: entry<{ url: string; archiveUrl?: string }>(
    'URL-093',
    // With `archiveUrl`: the file the URL points into is no tar archive; without: a search URL
    // whose glob has no archive before it.
    (d) =>
      d.archiveUrl === undefined
        ? `The plain HTTP reader cannot search ${d.url}: a glob pattern needs a .tar, .tar.gz or .tgz archive before it in the path, such as https://host/docs.tar.gz/**/*.md; configure an integration for the host otherwise`
        : `${d.archiveUrl} is not a tar archive, so the plain HTTP reader cannot read ${d.url} as a tree or search it; point the URL at a .tar, .tar.gz or .tgz archive, or configure an integration for the host`,
    "Point the URL at a .tar, .tar.gz or .tgz archive (a glob pattern after the archive's path segment), or configure an integration for the host.",
    { name: 'NotImplementedError', status: 501 },
  ),

  // --- Scheduler service (SCHED, spec/docs/services/scheduler.md) ----------------------------
  SCHED_DUPLICATE_TASK: entry<{ pluginId: string; taskId: string }>(
    'SCHED-006',
    (d) =>
      `Plugin ${q(d.pluginId)} already scheduled a task with id ${q(d.taskId)}; schedule it once or give the second task its own id`,
    'Schedule each task once, or give the second task its own id.',
    { name: 'ConflictError', status: 409 },
  ),
  SCHED_INVALID_DURATION: entry<ScheduleFieldCulprit>(
    'SCHED-024',
    scheduleField,
    'Give a positive duration such as { minutes: 5 }, PT5M or 5m at the field or key named in the error.',
    { name: 'InputError', status: 400 },
  ),
  SCHED_INVALID_FREQUENCY: entry<ScheduleFieldCulprit>(
    'SCHED-023',
    scheduleField,
    "Use { cron }, a positive duration, or { trigger: 'manual' }.",
    { name: 'InputError', status: 400 },
  ),
  SCHED_INVALID_SCOPE: entry<ScheduleFieldCulprit>(
    'SCHED-025',
    // SCHED-138 fixes the text of the config helper's error word for word (raised verbatim).
    (d) =>
      d.source === 'config'
        ? `Only "global" or "local" are allowed for TaskScheduleDefinition.scope, but got: ${d.received ?? ''}`
        : scheduleField(d),
    'Set scope to global or local, or leave it out for global.',
    { name: 'InputError', status: 400 },
  ),
  SCHED_INVALID_TASK_ID: entry<{ pluginId?: string; received: string }>(
    'SCHED-003',
    (d) =>
      `Invalid task id ${d.received}${d.pluginId === undefined ? '' : ` of plugin ${q(d.pluginId)}`}: a task id must be a non-empty string`,
    'Give every task a non-empty string id, unique within the plugin.',
    { name: 'InputError', status: 400 },
  ),
  SCHED_PERSIST_FAILED: entry<{ pluginId: string; taskId: string; reason: string }>(
    'SCHED-059',
    (d) =>
      `Could not store global task ${q(d.taskId)} of plugin ${q(d.pluginId)} in the plugin's database: ${d.reason}`,
    "Check the plugin's database connection and that the scheduler's migrations have been applied.",
  ),
  SCHED_TASK_NOT_FOUND: entry<{ pluginId: string; taskId: string }>(
    'SCHED-083',
    (d) => `Plugin ${q(d.pluginId)} has no task with id ${q(d.taskId)}`,
    'Use an id listed by getScheduledTasks() or the tasks route.',
    { name: 'NotFoundError', status: 404 },
  ),
  SCHED_TASK_NOT_RUNNING: entry<{ pluginId: string; taskId: string }>(
    'SCHED-092',
    (d) =>
      `Task ${q(d.taskId)} of plugin ${q(d.pluginId)} is not running, so it cannot be cancelled`,
    'Only cancel a task whose taskState.status is running.',
    { name: 'ConflictError', status: 409 },
  ),
  SCHED_TASK_RUNNING: entry<{ pluginId: string; taskId: string }>(
    'SCHED-084',
    (d) =>
      `Task ${q(d.taskId)} of plugin ${q(d.pluginId)} is already running; wait for the run to end or cancel it`,
    'Wait for the run to end, or cancel it first.',
    { name: 'ConflictError', status: 409 },
  ),

  // --- Auth service (AUTH, spec/docs/services/auth.md) ---------------------------------------
  // Messages are built from claims, ids and config paths only, never from the token (AUTH-058).
  AUTH_ACCESS_RESTRICTED: entry<{ pluginId: string; allowedPluginIds: string[] }>(
    'AUTH-185',
    (d) =>
      `This token's access is restricted to plugin(s) ${quoteAll(d.allowedPluginIds)}, not ${q(d.pluginId)}`,
    'Call only the plugins listed for the token, or extend its accessRestrictions.',
    { name: 'NotAllowedError', status: 403 },
  ),
  AUTH_ACCESS_RESTRICTIONS_INVALID: entry<{ configPath: string; problem: string }>(
    'AUTH-182',
    (d) => `Invalid access restrictions at ${d.configPath}: ${d.problem}`,
    'Use only plugin, permission and permissionAttribute.action (create, read, update, delete), one item per plugin.',
  ),
  AUTH_CREDENTIALS_WITHOUT_TOKEN: entry<{ pluginId?: string }>(
    'AUTH-081',
    (d) =>
      `User credentials${d.pluginId === undefined ? '' : ` given to the auth service of plugin ${q(d.pluginId)}`} hold no token; use credentials from httpAuth.credentials or auth.authenticate`,
    'Use the credentials returned by httpAuth.credentials or auth.authenticate.',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_EXTERNAL_ACCESS_DUPLICATE: entry<{
    configPath: string;
    type: string;
    field: string;
    earlier: string;
  }>(
    'AUTH-163',
    (d) => `The ${d.type} ${d.field} at ${d.configPath} is the same as that of ${d.earlier}`,
    'Remove the duplicate entry, or give each entry its own secret.',
  ),
  AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS: entry<{ configPath: string; problem: string }>(
    'AUTH-161',
    (d) => `Invalid external access configuration at ${d.configPath}: ${d.problem}`,
    'Fix the option at the config path named in the error as the message says.',
  ),
  AUTH_EXTERNAL_ACCESS_UNKNOWN_TYPE: entry<{
    configPath: string;
    type: string;
    expected: string[];
  }>(
    'AUTH-151',
    (d) =>
      `Unknown external access type ${q(d.type)} at ${d.configPath}, expected one of ${quoteAll(d.expected)}`,
    'Use static, legacy, jwks or a type provided by an installed handler.',
  ),
  AUTH_EXTERNAL_HANDLER_DUPLICATE_TYPE: entry<{ type: string; builtIn: boolean }>(
    'AUTH-191',
    (d) =>
      `External token handler type ${q(d.type)} is ${d.builtIn ? 'a built-in type' : 'declared by another handler'}; install one handler per type`,
    'Install only one handler per type, and none for static, legacy or jwks.',
  ),
  AUTH_INVALID_CREDENTIALS: entry<{ field: string; received: string; expected: string }>(
    'AUTH-010',
    (d) => `Invalid credentials: ${d.field} is ${d.received}, expected ${d.expected}`,
    'Pass credentials obtained from the auth or httpAuth service, never hand-made objects.',
  ),
  AUTH_INVALID_TOKEN: entry<{ pluginId?: string; problem: string }>(
    'AUTH-022',
    (d) =>
      `Illegal token${d.pluginId === undefined ? '' : ` sent to plugin ${q(d.pluginId)}`}: ${d.problem}`,
    'Send a token issued by Backstage or configure the external caller in backend.auth.externalAccess.',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_KEY_STORE_UNKNOWN_TYPE: entry<{ configPath: string; type: string }>(
    'AUTH-106',
    (d) => `Unknown ${d.configPath} ${q(d.type)}, expected 'database' or 'static'`,
    'Set it to database or static.',
  ),
  AUTH_LIMITED_TOKEN_NOT_ALLOWED: entry<{ pluginId: string }>(
    'AUTH-133',
    (d) => `Illegal limited user token: plugin ${q(d.pluginId)} does not allow limited access here`,
    'Send a full user token, or allow limited access for the route (allowLimitedAccess, or a user-cookie auth policy).',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_LIMITED_TOKEN_UNSUPPORTED: entry<{ problem: string }>(
    'AUTH-142',
    (d) => `Failed to create limited user token: ${d.problem}`,
    'Request limited tokens only for user credentials from a Backstage user token.',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_NONE_TOKEN_REFUSED: entry<{ pluginId: string; targetPluginId: string }>(
    'AUTH-080',
    (d) =>
      `Refused to issue service token for credential type 'none' (plugin ${q(d.pluginId)} calling ${q(d.targetPluginId)})`,
    'Pass user or service credentials, for example getOwnServiceCredentials().',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_OBO_TOKEN_INVALID: entry<{ pluginId: string; reason?: string }>(
    'AUTH-098',
    (d) =>
      `The obo claim of the plugin token from plugin ${q(d.pluginId)} ${d.reason === undefined ? 'does not hold a user token' : `holds an invalid user token: ${d.reason}`}`,
    'Forward the credentials of the incoming user request as onBehalfOf.',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_SIGNING_KEY_UNAVAILABLE: entry<{ pluginId: string; operation: 'list' | 'store' }>(
    'AUTH-118',
    (d) =>
      d.operation === 'list'
        ? `Unable to list the public keys of plugin ${q(d.pluginId)} from its database`
        : `Unable to generate or store a signing key for plugin ${q(d.pluginId)}`,
    "Check the plugin's database connection and write access; the cause says what failed.",
  ),
  AUTH_STATIC_KEY_UNREADABLE: entry<{ configPath: string; file?: string; problem: string }>(
    'AUTH-125',
    (d) =>
      `Invalid static plugin key at ${d.configPath}${d.file === undefined ? '' : ` (file ${q(d.file)})`}: ${d.problem}`,
    'Provide PEM files (SPKI public, PKCS#8 private) for the configured algorithm.',
  ),
  AUTH_STATIC_KEYS_MISSING: entry<{ configPath: string }>(
    'AUTH-123',
    (d) => `The static plugin key store needs at least one key pair in ${d.configPath}`,
    'List at least one key pair under backend.auth.pluginKeyStore.static.keys.',
  ),
  AUTH_STATIC_SIGNING_KEY_MISSING: entry<{ configPath: string }>(
    'AUTH-124',
    (d) => `The first static plugin key signs tokens and needs ${d.configPath}`,
    'Give the first entry a privateKeyFile.',
  ),
  AUTH_TOKEN_AUDIENCE_MISMATCH: entry<TokenCulprit>(
    'AUTH-054',
    (d) => `The ${tokenName(d)} is addressed to another audience`,
    'Request the token with the targetPluginId of the plugin you call.',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_TOKEN_CLAIMS_MISSING: entry<TokenCulprit & { claim: string; expected?: string }>(
    'AUTH-053',
    (d) =>
      `The ${tokenName(d)} lacks the required ${q(d.claim)} claim${d.expected === undefined ? '' : `, expected ${d.expected}`}`,
    'Issue tokens through the auth service or the auth backend, which set every claim.',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_TOKEN_EXPIRED: entry<TokenCulprit>(
    'AUTH-051',
    (d) => `The ${tokenName(d)} has expired`,
    'Request a fresh token right before each call.',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_TOKEN_SIGNATURE_INVALID: entry<TokenCulprit & { reason: string }>(
    'AUTH-050',
    (d) => `The ${tokenName(d)} failed verification: ${d.reason}`,
    "Check that the issuer's key store is shared by its replicas and that discovery points at the right instance.",
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_TOKEN_SUBJECT_INVALID: entry<{ subject?: string }>(
    'AUTH-090',
    (d) =>
      d.subject === undefined
        ? 'Plugin token has no sub claim naming the issuing plugin'
        : `Plugin token subject ${q(d.subject)} is not a valid plugin id`,
    'Issue plugin tokens only through the auth service.',
    { name: 'AuthenticationError', status: 401 },
  ),
  AUTH_TOKEN_UNKNOWN_ISSUER: entry<TokenCulprit & { reason: string }>(
    'AUTH-055',
    (d) => `Unable to verify the ${tokenName(d)}: ${d.reason}`,
    'Make the issuer reachable under the internal URL that discovery returns for it; for user tokens, install the auth plugin or route auth to it.',
    { name: 'AuthenticationError', status: 401 },
  ),

  // --- HTTP auth service (HAUTH, spec/docs/services/http-auth.md) ----------------------------
  // HAUTH-019 fixes the text of HAUTH_MISSING_CREDENTIALS word for word; the others keep the
  // same suffix-free form, worded like Backstage's, so clients see one style.
  HAUTH_COOKIE_NON_USER: entry<{ pluginId: string; principalType: string }>(
    'HAUTH-035',
    (d) =>
      `Refused to issue a user cookie for ${q(d.principalType)} credentials in plugin ${q(d.pluginId)}`,
    'Issue cookies only for user credentials, or pass none credentials to clear the cookie.',
    { name: 'AuthenticationError', status: 401, suffix: false },
  ),
  HAUTH_HEADERS_SENT: entry<{ pluginId: string }>(
    'HAUTH-030',
    (d) => `Failed to issue user cookie for plugin ${q(d.pluginId)}, headers were already sent`,
    'Call issueUserCookie before writing any part of the response.',
    { suffix: false },
  ),
  HAUTH_MISSING_CREDENTIALS: entry<{ pluginId?: string }>(
    'HAUTH-019',
    () => 'Missing credentials',
    'Send Authorization: Bearer <token>, or allow none for the route.',
    { name: 'AuthenticationError', status: 401, suffix: false },
  ),
  HAUTH_PRINCIPAL_NOT_ALLOWED: entry<{ pluginId?: string; principalType: string }>(
    'HAUTH-020',
    (d) => `This endpoint does not allow ${q(d.principalType)} credentials`,
    'Call the route with a principal of an allowed type (for example a user token instead of a service token).',
    { name: 'NotAllowedError', status: 403, suffix: false },
  ),

  // --- User info service (UINFO, spec/docs/services/user-info.md) ----------------------------
  UINFO_INVALID_SUBJECT: entry<Record<string, never>>(
    'UINFO-011',
    () => "The user token's sub claim is not a string",
    "Check the sign-in resolver of the auth backend, which sets sub to the user's entity ref.",
  ),
  UINFO_LOOKUP_FAILED: entry<{ url: string; statusCode?: number; body?: string }>(
    'UINFO-015',
    (d) =>
      `Request to ${d.url} failed${d.statusCode === undefined ? '' : ` with status ${d.statusCode}: ${(d.body ?? '').slice(0, 500)}`}`,
    'Check that the auth plugin is installed and reachable under the URL discovery returns for it.',
    { name: 'ResponseError' },
  ),
  UINFO_MISSING_TOKEN: entry<Record<string, never>>(
    'UINFO-010',
    () => 'User credentials are unexpectedly missing their token',
    'Use credentials returned by httpAuth or auth, never hand-made ones.',
    { name: 'InputError', status: 400 },
  ),
  UINFO_NOT_USER: entry<{ received: string }>(
    'UINFO-005',
    (d) => `Only user credentials are supported, received ${q(d.received)} credentials`,
    "Check auth.isPrincipal(credentials, 'user') first, or require user credentials on the route.",
    { name: 'InputError', status: 400 },
  ),
  UINFO_OWNERSHIP_INVALID: entry<{ userEntityRef: string }>(
    'UINFO-017',
    (d) => `Ownership entity refs of ${q(d.userEntityRef)} must be a list of strings`,
    'Fix the sign-in resolver so that ent is a list of entity ref strings.',
  ),
  UINFO_OWNERSHIP_UNRESOLVED: entry<{ userEntityRef: string }>(
    'UINFO-016',
    (d) =>
      `Ownership entity refs of ${q(d.userEntityRef)} cannot be determined from the token or the auth backend`,
    'Make the sign-in resolver of the auth backend issue ownership refs, or install the auth plugin so they can be looked up.',
  ),

  // --- rootHttpRouter service (RHTTP, spec/docs/services/root-http-router.md) ----------------
  RHTTP_EMPTY_PATH: entry<{ received: string }>(
    'RHTTP-004',
    (d) => `Root router path may not be empty, received ${d.received}`,
    "Mount the handler at a named path such as '/api/my-plugin'.",
  ),
  RHTTP_INVALID_BASE_URL: entry<{ configPath: string; value: string; reason: string }>(
    'RHTTP-027',
    (d) => `${d.configPath} ${d.value} ${d.reason}; backend.https: true needs its host name`,
    'Set backend.baseUrl to an absolute URL whose host name the certificate should carry.',
  ),
  RHTTP_INVALID_CERTIFICATE: entry<{ configPath: string; problem: string }>(
    'RHTTP-031',
    (d) => `Invalid HTTPS certificate setting: ${d.configPath} ${d.problem}`,
    'Provide a matching PEM certificate and private key.',
  ),
  RHTTP_INVALID_CSP: entry<{ configPath: string; problem: string }>(
    'RHTTP-048',
    (d) => `Invalid content security policy at ${d.configPath}: ${d.problem}`,
    'Keep default-src and list one source per array element.',
  ),
  RHTTP_INVALID_INDEX_PATH: entry<Record<string, never>>(
    'RHTTP-014',
    () =>
      'The indexPath option of the rootHttpRouter factory may not be the empty string; give a path, or false to disable the index fallback',
    'Give a path, or false to disable the fallback.',
  ),
  RHTTP_INVALID_LISTEN_ADDRESS: entry<{ configPath: string; value: string }>(
    'RHTTP-022',
    (d) =>
      `Unable to parse listen address ${d.value} at ${d.configPath}, expected <port>, <host>:<port> or { host, port }`,
    'Write 7007, 0.0.0.0:7007 or { host, port }.',
  ),
  RHTTP_INVALID_REFERRER_POLICY: entry<{ configPath: string; value: string }>(
    'RHTTP-050',
    (d) => `${d.configPath} holds ${d.value}, which is not a Referrer-Policy token`,
    'Use tokens such as no-referrer or strict-origin-when-cross-origin.',
  ),
  RHTTP_LISTEN_FAILED: entry<{ configPath: string; address: string; reason: string }>(
    'RHTTP-016',
    (d) => `Unable to listen on ${d.address} (${d.configPath}): ${d.reason}`,
    'Free the port, or change backend.listen.',
  ),
  RHTTP_PATH_CONFLICT: entry<{ mountPath: string; existingPath: string }>(
    'RHTTP-005',
    (d) => `Path ${d.mountPath} conflicts with the existing path ${d.existingPath}`,
    'Choose a path that is neither inside nor around an already mounted one.',
  ),

  // --- httpRouter service (HTTP, spec/docs/services/http-router.md) --------------------------
  HTTP_INVALID_AUTH_POLICY: entry<{ pluginId: string; received: string }>(
    'HTTP-007',
    (d) =>
      `Invalid auth policy of plugin ${q(d.pluginId)}: allow must be 'unauthenticated' or 'user-cookie', received ${d.received}`,
    'Use one of the two values.',
  ),
  HTTP_INVALID_AUTH_POLICY_PATH: entry<{ pluginId: string; received: string }>(
    'HTTP-008',
    (d) =>
      `Invalid auth policy path of plugin ${q(d.pluginId)}: ${d.received}; give '*' or a route pattern starting with '/'`,
    "Give '*' or a route pattern starting with '/', such as '/static/:file'.",
  ),
  HTTP_INVALID_HANDLER: entry<{ pluginId: string; received: string }>(
    'HTTP-005',
    (d) =>
      `httpRouter.use of plugin ${q(d.pluginId)} expects an express router or handler function, received ${d.received}`,
    'Pass an Express router or a handler function.',
  ),

  // --- rootHealth service (HLTH, spec/docs/services/root-health.md) --------------------------
  HLTH_INVALID_HEADER: entry<{ configPath: string; problem: string }>(
    'HLTH-008',
    (d) => `Invalid health response header at ${d.configPath}: ${d.problem}`,
    'Give every header a non-empty name and a non-empty string value.',
  ),

  // --- Test utilities (TEST, spec/docs/13-test-utilities.md) ---------------------------------
  TEST_EXTENSION_POINT_UNUSED: entry<{ extensionPointId: string; extensionPointIds: string[] }>(
    'TEST-044',
    (d) =>
      `Unable to determine the plugin ID of extension point(s) ${quoteAll(d.extensionPointIds)}. Tested extension points must be depended on by one or more tested modules`,
    'Add the module that consumes it to features, or drop the extension point from the list.',
  ),
  TEST_INJECTED_FAULT: entry<FaultCulprit & { outcome: 'threw' | 'hung' | 'pending' }>(
    'TEST-243',
    (d) =>
      d.outcome === 'pending'
        ? 'The test backend stopped while an injected hang was pending'
        : `Injected ${faultName(d)} ${d.outcome === 'threw' ? 'threw' : 'hung until the test backend stopped'}`,
    'Nothing to fix: the test asked for this failure.',
  ),
  TEST_INVALID_ENTITY_REF: entry<{ ref: string }>(
    'TEST-141',
    (d) =>
      `Invalid entity ref ${JSON.stringify(d.ref)}, expected the form <kind>:<namespace>/<name> such as 'user:default/jane'`,
    'Pass a full entity ref such as user:default/jane.',
    { name: 'TypeError', base: 'TypeError' },
  ),
  TEST_INVALID_MOCK_TOKEN: entry<{ pluginId: string; problem: string }>(
    'TEST-158',
    (d) =>
      `Mock auth service of plugin ${q(d.pluginId)} got ${d.problem}; use the tokens of mockCredentials`,
    'Use the tokens and headers of mockCredentials; allow limited access where limited tokens are expected.',
    { name: 'AuthenticationError', status: 401 },
  ),
  TEST_MOCK_TOKEN_WRONG_TARGET: entry<{ pluginId: string; targetPluginId: string }>(
    'TEST-156',
    (d) =>
      `Invalid mock token target plugin ID, got ${q(d.targetPluginId)} but expected ${q(d.pluginId)}`,
    'Create the token with targetPluginId set to the plugin that receives it.',
    { name: 'AuthenticationError', status: 401 },
  ),
  TEST_SERVER_UNAVAILABLE: entry<{ serviceId: string }>(
    'TEST-007',
    () =>
      'TestBackend server is not available: a feature replaced the root HTTP router, or the backend has not started',
    "Keep the test backend's root HTTP router, or reach the server through your own router factory.",
  ),
  TEST_SERVICE_NOT_FOUND: entry<{ serviceId: string }>(
    'TEST-185',
    (d) =>
      `Service ${q(d.serviceId)} not found: neither the tester's factories nor the ref's default factory provide it; add a factory for it to dependencies`,
    'Add a factory for the service to dependencies.',
  ),
  TEST_UNKNOWN_FAULT_TARGET: entry<FaultCulprit>(
    'TEST-246',
    (d) =>
      `The ${faultName(d)} targets something the test backend does not have; correct the ids or add the feature it targets`,
    'Correct the ids in the fault, or add the feature it targets.',
  ),
  TEST_UNSUPPORTED_CACHE: entry<TestEngineCulprit>(
    'TEST-221',
    (d) => unsupportedTestEngine('test cache', d),
    'Set the connection-string variable for the store, or iterate with eachSupportedId().',
  ),
  TEST_UNSUPPORTED_DATABASE: entry<TestEngineCulprit>(
    'TEST-205',
    (d) => unsupportedTestEngine('test database', d),
    'Set the connection-string variable for the engine, or iterate with eachSupportedId().',
  ),
} as const;

/** Every code the reference implementation raises. */
export type ErrorCode = keyof typeof errorCatalog;

// Every catalog code must be a code of the spec; this fails to compile otherwise. The other
// direction (every spec code the implementation raises is here) is checked by the catalog test.
type AssertSpecCodes<T extends SpecErrorCode> = T;
export type CatalogSpecErrorCode = AssertSpecCodes<ErrorCode>;

/** The culprit fields an error with code `C` carries. */
export type ErrorDetails<C extends ErrorCode> = Parameters<(typeof errorCatalog)[C]['message']>[0];
