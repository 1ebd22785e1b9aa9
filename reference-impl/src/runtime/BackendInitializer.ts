import { OpenstageError, describeCause, toError } from '../errors/OpenstageError.js';
import type {
  ExtensionPointFactoryMiddleware,
  InternalServiceFactory,
  InternalServiceRef,
} from '../wireFormat/types.js';
import type { BackendInstanceRegistry } from './BackendInstanceRegistry.js';
import { BackendStartupError } from './BackendStartupError.js';
import type { BackendStartupResult } from './BackendStartupResult.js';
import { collectFeatures, type AddedFeature } from './collectFeatures.js';
import { createAllowBootFailurePredicate } from './createAllowBootFailurePredicate.js';
import { BackendPreflightError } from './preflight/BackendPreflightError.js';
import type { ValidationResult } from './preflight/PreflightFinding.js';
import { checkStartupConfig, moduleOrderGraph, runPreflight, type PreflightResult } from './preflight/runPreflight.js';
import { isRuntimeLogger, type RuntimeLogger } from './RuntimeLogger.js';
import { serviceInstanceKey, type ServiceRegistry } from './ServiceRegistry.js';
import { StartupResultCollector } from './StartupResultCollector.js';
import { StartupTimeline } from './StartupTimeline.js';
import type { RegisteredInit, WiringModel } from './WiringModel.js';

const ref = (id: string, scope: 'root' | 'plugin'): InternalServiceRef => ({ id, scope });
const ROOT_CONFIG = ref('core.rootConfig', 'root');
const ROOT_LOGGER = ref('core.rootLogger', 'root');
const ROOT_LIFECYCLE = ref('core.rootLifecycle', 'root');
const PLUGIN_LIFECYCLE = ref('core.lifecycle', 'plugin');
const ROOT_INSTANCE_METADATA = ref('core.rootInstanceMetadata', 'root');

interface RootLifecycleHooks {
  startup(): Promise<void>;
  beforeShutdown?(): Promise<void>;
  shutdown(): Promise<void>;
}
interface PluginLifecycleHooks {
  startup(): Promise<void>;
  shutdown(): Promise<void>;
}

function hasHooks(value: unknown): value is PluginLifecycleHooks {
  const v = value as Partial<PluginLifecycleHooks> | undefined;
  return typeof v?.startup === 'function' && typeof v.shutdown === 'function';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) if (!Object.isFrozen(v)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export interface BackendInitializerOptions {
  registry: ServiceRegistry;
  extensionPointFactoryMiddleware: readonly ExtensionPointFactoryMiddleware[];
  instanceRegistry: BackendInstanceRegistry;
  /** Overrides `backend.startup.pendingReportInterval`; `false` disables reports. */
  pendingReportIntervalMs?: number | false;
}

/**
 * Drives a backend from `add()` to `stop()`: collects features, validates the
 * wiring (preflight), initializes root services, plugins and modules in
 * dependency order, applies the boot-failure policy, and runs lifecycle hooks.
 */
export class BackendInitializer {
  readonly #options: BackendInitializerOptions;
  readonly #added: AddedFeature[] = [];
  readonly #timeline = new StartupTimeline();
  #collected: Promise<{ model: WiringModel; preflight: PreflightResult }> | undefined;
  #startPromise: Promise<{ result: BackendStartupResult }> | undefined;
  #stopPromise: Promise<void> | undefined;
  #pluginPhaseReached = false;
  #logger: RuntimeLogger | undefined;
  #processHandlers: Array<[string, (...args: unknown[]) => void]> = [];

  constructor(options: BackendInitializerOptions) {
    this.#options = options;
    options.registry.timeline = this.#timeline;
  }

  get timeline(): StartupTimeline {
    return this.#timeline;
  }

  add(feature: Promise<unknown>): void {
    if (this.#startPromise) {
      throw new OpenstageError('BACK_ADD_AFTER_START', {});
    }
    // A wiring already validated no longer describes the backend.
    this.#collected = undefined;
    this.#added.push({ feature, source: `features[${this.#added.length}]` });
  }

  /** Collects features and runs preflight once; later calls reuse the result (INIT-134). */
  collect(): Promise<{ model: WiringModel; preflight: PreflightResult }> {
    this.#collected ??= (async () => {
      const model = await collectFeatures(this.#added, this.#options.registry, this.#timeline);
      const preflight = await runPreflight(model);
      return { model, preflight };
    })();
    return this.#collected;
  }

  async validate(): Promise<ValidationResult> {
    if (this.#stopPromise) throw new OpenstageError('BACK_ALREADY_STOPPED', {});
    if (this.#startPromise) throw new OpenstageError('BACK_ALREADY_STARTED', {});
    const { preflight } = await this.collect();
    return {
      ok: preflight.findings.every((f) => f.severity !== 'error'),
      findings: [...preflight.findings],
    };
  }

  start(): Promise<{ result: BackendStartupResult }> {
    if (this.#startPromise) {
      return Promise.reject(new OpenstageError('BACK_ALREADY_STARTED', {}));
    }
    if (this.#stopPromise) {
      return Promise.reject(new OpenstageError('BACK_ALREADY_STOPPED', {}));
    }
    this.#options.instanceRegistry.register(this);
    this.#startPromise = this.#doStart();
    return this.#startPromise;
  }

  async #doStart(): Promise<{ result: BackendStartupResult }> {
    const { model, preflight } = await this.collect();
    if (preflight.findings.some((f) => f.severity === 'error')) {
      throw new BackendPreflightError(preflight.findings);
    }
    const registry = this.#options.registry;
    registry.add(this.#createInstanceMetadataFactory(model), 'runtime', 'runtime');

    this.#installProcessHandlers();
    await Promise.all(
      registry.eagerRootRecords().map(async (record) => {
        try {
          await registry.get(record.factory.service, 'root');
        } catch (error) {
          throw new OpenstageError(
            'INIT_ROOT_SERVICE_FAILED',
            { serviceId: record.factory.service.id, cause: describeCause(error) },
            { cause: error },
          );
        }
      }),
    );
    const rootConfig = await registry.get(ROOT_CONFIG, 'root');
    const rootLogger = await registry.get(ROOT_LOGGER, 'root');
    this.#logger = isRuntimeLogger(rootLogger) ? rootLogger : undefined;
    const configFindings = checkStartupConfig(rootConfig);
    if (configFindings.length > 0) {
      throw new BackendPreflightError([...preflight.findings, ...configFindings]);
    }
    for (const warning of preflight.findings.filter((f) => f.severity === 'warning')) {
      this.#logger?.warn(`${warning.message}`, { code: warning.code });
    }

    const pluginIds = [...model.plugins.keys()];
    const collector = new StartupResultCollector({
      pluginIds,
      logger: this.#logger,
      allowBootFailure: createAllowBootFailurePredicate(rootConfig),
      timeline: this.#timeline,
      pendingReportIntervalMs: this.#pendingReportInterval(rootConfig),
    });
    this.#pluginPhaseReached = true;
    try {
      await Promise.all(pluginIds.map((pluginId) => this.#startPlugin(model, pluginId, collector)));
    } catch (error) {
      throw new OpenstageError('INIT_INTERNAL_ERROR', { cause: describeCause(error) }, { cause: error });
    }
    const result = collector.finalize(this.#timeline.beginAt);
    if (result.outcome === 'failure') {
      this.#timeline.skip('rootStartupHooks', { kind: 'rootStartupHooks', label: 'root startup hooks' });
      result.timeline = this.#timeline.entries();
      throw new BackendStartupError(result);
    }
    this.#timeline.begin('rootStartupHooks', { kind: 'rootStartupHooks', label: 'root startup hooks' });
    try {
      const rootLifecycle = await this.#getRootLifecycle();
      await rootLifecycle.startup();
      this.#timeline.end('rootStartupHooks');
    } catch (error) {
      // A failing root startup hook is logged; it never changes the outcome (INIT-048).
      this.#timeline.end('rootStartupHooks', toError(error));
      this.#logger?.error('Root startup hook failed', toError(error));
    }
    this.#logger?.info(
      `Backend started: ${result.plugins.map((p) => `${p.pluginId} ${p.failure ? 'failed' : 'ok'} in ${p.durationMs ?? 0}ms`).join(', ')}`,
    );
    result.timeline = this.#timeline.entries();
    return { result };
  }

  #pendingReportInterval(config: unknown): number | false {
    if (this.#options.pendingReportIntervalMs !== undefined) return this.#options.pendingReportIntervalMs;
    const getOptional = (config as { getOptional?: unknown } | undefined)?.getOptional;
    const value = typeof getOptional === 'function' ? getOptional.call(config, 'backend.startup.pendingReportInterval') : undefined;
    if (value === false) return false;
    if (typeof value === 'number') return value;
    return 10_000;
  }

  async #startPlugin(model: WiringModel, pluginId: string, collector: StartupResultCollector): Promise<void> {
    const registry = this.#options.registry;
    const key = `plugin:${pluginId}`;
    const pluginLabel = `plugin '${pluginId}'`;
    this.#timeline.begin(key, { kind: 'plugin', label: pluginLabel, pluginId });
    collector.onPluginBegin(pluginId);
    const modules = [...(model.modules.get(pluginId)?.values() ?? [])];
    const skipRest = (): void => {
      for (const m of modules) {
        this.#timeline.skip(`module:${pluginId}/${m.moduleId}`, { kind: 'module', label: `module '${m.moduleId}' of plugin '${pluginId}'`, pluginId, moduleId: m.moduleId! });
      }
      this.#timeline.skip(`pluginStartupHooks:${pluginId}`, { kind: 'pluginStartupHooks', label: `startup hooks of plugin '${pluginId}'`, pluginId });
    };
    const fail = (error: OpenstageError): void => {
      this.#timeline.end(key, error);
      collector.onPluginResult(pluginId, error);
    };

    const eager = registry.eagerPluginRecords();
    this.#timeline.waitOn(key, eager.map((r) => serviceInstanceKey(r.factory.service, pluginId)));
    for (const record of eager) {
      try {
        await registry.get(record.factory.service, pluginId);
      } catch (error) {
        skipRest();
        fail(new OpenstageError('INIT_DEPENDENCY_FAILED', { pluginId, serviceId: record.factory.service.id, cause: describeCause(error) }, { cause: error }));
        return;
      }
    }

    if (modules.length > 0) {
      this.#timeline.waitOn(key, modules.map((m) => `module:${pluginId}/${m.moduleId}`));
      const byId = new Map(modules.map((m) => [m.moduleId!, m]));
      await moduleOrderGraph(modules).parallelTopologicalTraversal(async (moduleId) => {
        const mod = byId.get(moduleId)!;
        const moduleKey = `module:${pluginId}/${moduleId}`;
        const beginAt = new Date();
        this.#timeline.begin(moduleKey, { kind: 'module', label: `module '${moduleId}' of plugin '${pluginId}'`, pluginId, moduleId });
        let failure: OpenstageError | undefined;
        try {
          const deps = await this.#resolveInitDeps(model, mod, collector, moduleKey);
          try {
            await mod.init.func(deps);
          } catch (error) {
            failure = new OpenstageError('INIT_MODULE_INIT_FAILED', { pluginId, moduleId, cause: describeCause(error) }, { cause: error });
          }
        } catch (error) {
          failure = error as OpenstageError;
        }
        this.#timeline.end(moduleKey, failure);
        collector.onModuleResult(pluginId, moduleId, beginAt, failure);
      });
    }

    const plugin = model.plugins.get(pluginId)!;
    let deps: Record<string, unknown>;
    try {
      deps = await this.#resolveInitDeps(model, plugin, collector, key);
    } catch (error) {
      this.#timeline.skip(`pluginStartupHooks:${pluginId}`, { kind: 'pluginStartupHooks', label: `startup hooks of plugin '${pluginId}'`, pluginId });
      fail(error as OpenstageError);
      return;
    }
    try {
      await plugin.init.func(deps);
    } catch (error) {
      this.#timeline.skip(`pluginStartupHooks:${pluginId}`, { kind: 'pluginStartupHooks', label: `startup hooks of plugin '${pluginId}'`, pluginId });
      fail(new OpenstageError('INIT_PLUGIN_INIT_FAILED', { pluginId, cause: describeCause(error) }, { cause: error }));
      return;
    }
    this.#timeline.end(key);
    collector.onPluginResult(pluginId);

    const hooksKey = `pluginStartupHooks:${pluginId}`;
    this.#timeline.begin(hooksKey, { kind: 'pluginStartupHooks', label: `startup hooks of plugin '${pluginId}'`, pluginId });
    try {
      const lifecycle = await this.#getPluginLifecycle(pluginId);
      await lifecycle.startup();
      this.#timeline.end(hooksKey);
    } catch (error) {
      // Logged, never changes the plugin's result (INIT-040, INIT-042).
      this.#timeline.end(hooksKey, toError(error));
      this.#logger?.error(`Startup hook of plugin '${pluginId}' failed`, toError(error));
    }
  }

  /**
   * Resolves the deps of a plugin's or module's init. Throws the catalog
   * error to record: `INIT_DEPENDENCY_FAILED`, `EXT_FACTORY_FAILED`,
   * `EXT_MIDDLEWARE_FAILED` or `INIT_MISSING_DEPENDENCY`.
   */
  async #resolveInitDeps(
    model: WiringModel,
    r: RegisteredInit,
    collector: StartupResultCollector,
    key: string,
  ): Promise<Record<string, unknown>> {
    const { pluginId, moduleId } = r;
    const owner = moduleId === undefined ? { pluginId } : { pluginId, moduleId };
    const entries = Object.entries(r.init.deps);
    this.#timeline.waitOn(
      key,
      entries
        .filter(([, dep]) => !model.extensionPoints.has(dep.id))
        .map(([, dep]) => serviceInstanceKey(dep as InternalServiceRef, pluginId)),
    );
    const resolved = await Promise.all(
      entries.map(async ([name, dep]) => {
        const ep = model.extensionPoints.get(dep.id);
        if (ep && moduleId !== undefined) {
          let impl: unknown;
          try {
            impl = ep.factory({
              reportModuleStartupFailure: ({ error }) => collector.amendModuleResult(pluginId, moduleId, error),
            });
          } catch (error) {
            throw new OpenstageError('EXT_FACTORY_FAILED', { extensionPointId: dep.id, pluginId, moduleId, cause: describeCause(error) }, { cause: error });
          }
          const middleware = this.#options.extensionPointFactoryMiddleware;
          for (let index = 0; index < middleware.length; index++) {
            const mw = middleware[index]!;
            if (mw.extensionPointId !== dep.id) continue;
            try {
              impl = await mw.middleware(impl);
            } catch (error) {
              throw new OpenstageError('EXT_MIDDLEWARE_FAILED', { extensionPointId: dep.id, pluginId, moduleId, index, cause: describeCause(error) }, { cause: error });
            }
          }
          return [name, impl] as const;
        }
        const serviceRef = dep as InternalServiceRef;
        const instance = this.#options.registry.get(serviceRef, pluginId);
        if (instance === undefined) {
          throw new OpenstageError('INIT_MISSING_DEPENDENCY', { ...owner, key: name, ref: `serviceRef{${serviceRef.id}}` });
        }
        try {
          return [name, await instance] as const;
        } catch (error) {
          throw new OpenstageError('INIT_DEPENDENCY_FAILED', { ...owner, serviceId: serviceRef.id, cause: describeCause(error) }, { cause: error });
        }
      }),
    );
    this.#timeline.waitOn(key, []);
    return Object.fromEntries(resolved);
  }

  #createInstanceMetadataFactory(model: WiringModel): InternalServiceFactory {
    const installed = [...model.plugins.keys()].map((pluginId) => ({
      pluginId,
      modules: [...(model.modules.get(pluginId)?.keys() ?? [])].map((moduleId) => ({ moduleId })),
    }));
    const frozen = deepFreeze(installed);
    return {
      $$type: '@backstage/BackendFeature',
      version: 'v1',
      featureType: 'service',
      service: ROOT_INSTANCE_METADATA,
      deps: {},
      factory: async () => ({ getInstalledPlugins: () => Promise.resolve(frozen) }),
    };
  }

  async #getRootLifecycle(): Promise<RootLifecycleHooks> {
    const service = await this.#options.registry.get(ROOT_LIFECYCLE, 'root');
    if (!hasHooks(service)) {
      throw new OpenstageError('INIT_INTERNAL_ERROR', { cause: `no usable ${ROOT_LIFECYCLE.id} service (startup/shutdown methods missing)` });
    }
    return service as RootLifecycleHooks;
  }

  async #getPluginLifecycle(pluginId: string): Promise<PluginLifecycleHooks> {
    const service = await this.#options.registry.get(PLUGIN_LIFECYCLE, pluginId);
    if (!hasHooks(service)) {
      throw new OpenstageError('INIT_INTERNAL_ERROR', { cause: `no usable ${PLUGIN_LIFECYCLE.id} service (startup/shutdown methods missing)` });
    }
    return service;
  }

  #installProcessHandlers(): void {
    if (process.env['NODE_ENV'] === 'test') return;
    const logger = this.#logger;
    const onRejection = (reason: unknown): void => {
      logger?.child({ type: 'unhandledRejection' }).error('Unhandled rejection', toError(reason));
    };
    const onException = (error: unknown): void => {
      logger?.child({ type: 'uncaughtException' }).error('Uncaught exception', toError(error));
    };
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
    this.#processHandlers = [
      ['unhandledRejection', onRejection],
      ['uncaughtException', onException],
    ];
  }

  /** Idempotent: every call returns the same shutdown. */
  stop(): Promise<void> {
    this.#options.instanceRegistry.unregister(this);
    this.#stopPromise ??= this.#doStop();
    return this.#stopPromise;
  }

  async #doStop(): Promise<void> {
    if (!this.#startPromise) return;
    try {
      await this.#startPromise;
    } catch {
      // A failed start still shuts down whatever did start.
    }
    if (!this.#pluginPhaseReached) return;
    const { model } = await this.collect();
    let rootLifecycle: RootLifecycleHooks | undefined;
    try {
      rootLifecycle = await this.#getRootLifecycle();
    } catch (error) {
      this.#reportStopFailure('resolve rootLifecycle', undefined, error);
    }
    await this.#phase('shutdown:beforeShutdown', 'before-shutdown hooks', undefined, () => rootLifecycle?.beforeShutdown?.());
    await Promise.all(
      [...model.plugins.keys()].map((pluginId) =>
        this.#phase(`shutdown:${pluginId}`, `shutdown hooks of '${pluginId}'`, pluginId, async () => {
          const lifecycle = await this.#getPluginLifecycle(pluginId);
          await lifecycle.shutdown();
        }),
      ),
    );
    await this.#phase('shutdown:root', 'root shutdown hooks', undefined, () => rootLifecycle?.shutdown());
    for (const [event, handler] of this.#processHandlers) process.off(event, handler);
    this.#processHandlers = [];
  }

  async #phase(key: string, label: string, pluginId: string | undefined, run: () => Promise<void> | undefined): Promise<void> {
    this.#timeline.begin(key, { kind: 'shutdown', label, ...(pluginId ? { pluginId } : {}) });
    try {
      await run();
      this.#timeline.end(key);
    } catch (error) {
      this.#timeline.end(key, toError(error));
      this.#reportStopFailure(label, pluginId, error);
    }
  }

  #reportStopFailure(phase: string, pluginId: string | undefined, error: unknown): void {
    const wrapped = new OpenstageError(
      'LIFE_HOOK_FAILED',
      { phase, ...(pluginId ? { pluginId } : {}), cause: describeCause(error) },
      { cause: error },
    );
    if (this.#logger) this.#logger.error(wrapped.message, wrapped);
    else console.error(wrapped);
  }
}

