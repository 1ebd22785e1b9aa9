import { OpenstageError, describeCause, toError } from '../errors/OpenstageError.js';
import type { ExtensionPointFactoryMiddleware, InternalServiceRef } from '../wireFormat/types.js';
import type { BackendInstanceRegistry } from './BackendInstanceRegistry.js';
import { BackendStartupError } from './BackendStartupError.js';
import type { BackendStartupResult } from './BackendStartupResult.js';
import { collectFeatures, type AddedFeature } from './collectFeatures.js';
import { createAllowBootFailurePredicate } from './createAllowBootFailurePredicate.js';
import { BackendPreflightError } from './preflight/BackendPreflightError.js';
import type { ValidationResult } from './preflight/PreflightFinding.js';
import {
  checkStartupConfig,
  moduleOrderGraph,
  runPreflight,
  type PreflightResult,
} from './preflight/runPreflight.js';
import { compareFindings, findingOf } from './preflight/findingFromError.js';
import { applyBootFailurePolicy, preflightFailure } from './applyBootFailurePolicy.js';
import { createInstanceMetadataFactory } from './createInstanceMetadataFactory.js';
import {
  assertLifecycle,
  type PluginLifecycleHooks,
  type RootLifecycleHooks,
} from './lifecycleServices.js';
import type { PreflightFinding } from './preflight/PreflightFinding.js';
import { parseDuration } from './parseDuration.js';
import { runShutdownPhase, type PhaseObserver, type PhasePart } from './runShutdownPhase.js';
import type { ShutdownPhaseResult, ShutdownResult } from './ShutdownResult.js';
import { isRuntimeLogger, type RuntimeLogger } from './RuntimeLogger.js';
import { serviceInstanceKey, type ServiceRegistry } from './ServiceRegistry.js';
import { StartupResultCollector } from './StartupResultCollector.js';
import type { PluginRuntimeState } from './PluginRuntimeState.js';
import { StartupTimeline } from './StartupTimeline.js';
import type { RegisteredInit, WiringModel } from './WiringModel.js';

const ref = (id: string, scope: 'root' | 'plugin'): InternalServiceRef => ({ id, scope });
const ROOT_CONFIG = ref('core.rootConfig', 'root');
const ROOT_LOGGER = ref('core.rootLogger', 'root');
const ROOT_LIFECYCLE = ref('core.rootLifecycle', 'root');
const PLUGIN_LIFECYCLE = ref('core.lifecycle', 'plugin');

const DEFAULT_PENDING_REPORT_MS = 10_000;
const DEFAULT_SHUTDOWN_PHASE_TIMEOUT_MS = 30_000;

interface Collected {
  model: WiringModel;
  preflight: PreflightResult;
  config: unknown;
  /** `INIT_ROOT_SERVICE_FAILED` for a rootConfig that failed to build. */
  configError?: OpenstageError;
}

function readConfig(config: unknown, path: string): unknown {
  const getOptional = (config as { getOptional?: unknown } | undefined)?.getOptional;
  return typeof getOptional === 'function' ? getOptional.call(config, path) : undefined;
}

export interface BackendInitializerOptions {
  registry: ServiceRegistry;
  extensionPointFactoryMiddleware: readonly ExtensionPointFactoryMiddleware[];
  instanceRegistry: BackendInstanceRegistry;
  /** Overrides `backend.startup.pendingReportInterval`; `false` disables reports. */
  pendingReportIntervalMs?: number | false;
  /** Overrides `backend.lifecycle.shutdownPhaseTimeout`. */
  shutdownPhaseTimeoutMs?: number;
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
  #collected: Promise<Collected> | undefined;
  #startPromise: Promise<{ result: BackendStartupResult }> | undefined;
  #stopPromise: Promise<ShutdownResult> | undefined;
  #pluginPhaseReached = false;
  #startedPlugins: string[] = [];
  /** Set once features are collected in `start()`; every plugin is `starting` from then on. */
  #pluginIds: readonly string[] | undefined;
  #collector: StartupResultCollector | undefined;
  /** Plugins whose startup hooks have settled after a successful `init`. */
  readonly #hooksSettled = new Set<string>();
  #logger: RuntimeLogger | undefined;
  #processHandlers: Array<[string, (...args: unknown[]) => void]> = [];

  constructor(options: BackendInitializerOptions) {
    this.#options = options;
    options.registry.timeline = this.#timeline;
  }

  get timeline(): StartupTimeline {
    return this.#timeline;
  }

  /**
   * The state of every plugin right now (HLTH-018 to HLTH-023), during `start()` as well as
   * after it: empty until features are collected, then `starting` for each plugin, then its
   * outcome as soon as it is known, with the boot-failure policy already applied.
   */
  getPluginStates(): PluginRuntimeState[] {
    if (this.#collector) return this.#collector.currentStates(this.#hooksSettled);
    return (this.#pluginIds ?? []).map((pluginId) => ({ pluginId, state: 'starting' }));
  }

  add(feature: Promise<unknown>): void {
    if (this.#startPromise) throw new OpenstageError('BACK_ADD_AFTER_START', {});
    if (this.#stopPromise) throw new OpenstageError('BACK_ALREADY_STOPPED', {});
    // BACK-018: a rejection is reported as a finding, never as unhandled.
    feature.catch(() => undefined);
    // A wiring already validated no longer describes the backend.
    this.#collected = undefined;
    this.#added.push({ feature, source: `features[${this.#added.length}]` });
  }

  /**
   * Collects features, runs preflight and reads the configuration preflight
   * checks, once; later calls reuse the result (BACK-073).
   */
  collect(): Promise<Collected> {
    this.#collected ??= (async () => {
      const registry = this.#options.registry;
      const model = await collectFeatures(this.#added, registry, this.#timeline);
      const preflight = await runPreflight(model);
      let config: unknown;
      let configError: OpenstageError | undefined;
      const cyclic = preflight.findings.some((f) => f.code === 'SVC_CIRCULAR_DEPENDENCY');
      if (!model.fatal && !cyclic && registry.canProvide(ROOT_CONFIG)) {
        try {
          config = await registry.get(ROOT_CONFIG, 'root');
        } catch (error) {
          configError = new OpenstageError(
            'INIT_ROOT_SERVICE_FAILED',
            { serviceId: ROOT_CONFIG.id, cause: describeCause(error) },
            { cause: error },
          );
          preflight.findings.push(findingOf(configError));
        }
      }
      preflight.findings.push(...checkStartupConfig(config, model));
      preflight.findings.sort(compareFindings);
      return { model, preflight, config, ...(configError ? { configError } : {}) };
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
    if (this.#startPromise) return Promise.reject(new OpenstageError('BACK_ALREADY_STARTED', {}));
    if (this.#stopPromise) return Promise.reject(new OpenstageError('BACK_ALREADY_STOPPED', {}));
    this.#options.instanceRegistry.register(this);
    this.#startPromise = this.#doStart().catch((error: unknown) => {
      // INIT-006: anything without a code of its own is an internal error.
      if (error instanceof OpenstageError) throw error;
      throw new OpenstageError(
        'INIT_INTERNAL_ERROR',
        { cause: describeCause(error) },
        { cause: error },
      );
    });
    return this.#startPromise;
  }

  async #doStart(): Promise<{ result: BackendStartupResult }> {
    const { model, preflight, config, configError } = await this.collect();
    this.#pluginIds = [...model.plugins.keys()].sort();
    if (model.fatal) throw model.fatal;
    if (configError) throw configError;
    const allow = createAllowBootFailurePredicate(config);

    // INIT-101 to INIT-108: findings that only concern plugins or modules
    // whose failure is allowed take those out; anything else is fatal.
    const { fatal, skippedPlugins, skippedModules } = applyBootFailurePolicy(
      preflight.findings,
      allow,
    );
    if (fatal) throw new BackendPreflightError(preflight.findings);

    const registry = this.#options.registry;
    const duplicated = new Set(
      preflight.findings
        .filter((f) => f.code === 'BACK_DUPLICATE_PLUGIN_ID')
        .map((f) => f.pluginId!),
    );
    registry.add(createInstanceMetadataFactory(model, duplicated), 'runtime', 'runtime');

    // INIT-003: the listeners exist before any eager root service is built;
    // they log through the root logger as soon as there is one.
    this.#installProcessHandlers();
    const earlyLogger = registry.canProvide(ROOT_LOGGER)
      ? await registry.get(ROOT_LOGGER, 'root')?.catch(() => undefined)
      : undefined;
    this.#logger = isRuntimeLogger(earlyLogger) ? earlyLogger : undefined;
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
    // LIFE-040: a server shutdown delay the phase deadline would cut short.
    const delay = parseDuration(readConfig(config, 'backend.lifecycle.serverShutdownDelay'));
    const phaseTimeout = this.#shutdownPhaseTimeout(config);
    if (delay !== undefined && delay >= phaseTimeout) {
      this.#logger?.warn(
        `backend.lifecycle.serverShutdownDelay (${delay}ms) is not shorter than backend.lifecycle.shutdownPhaseTimeout (${phaseTimeout}ms); the delay will be cut short`,
      );
    }
    for (const { serviceId, loader } of model.ignoredLoaderFactories) {
      this.#logger?.info(
        `Ignoring the factory for ${serviceId} from feature loader ${loader}: a factory passed to add() overrides it`,
      );
    }
    // INIT-111, MOD-010: warnings are logged, nothing more.
    for (const warning of preflight.findings.filter((f) => f.severity === 'warning')) {
      this.#logger?.warn(warning.message, { code: warning.code });
    }

    const pluginIds = [...model.plugins.keys()];
    const collector = new StartupResultCollector({
      pluginIds,
      logger: this.#logger,
      allowBootFailure: allow,
      timeline: this.#timeline,
      pendingReportIntervalMs: this.#pendingReportInterval(config),
    });
    this.#collector = collector;
    this.#pluginPhaseReached = true;
    await Promise.all(
      pluginIds.map((pluginId) => {
        const findings = skippedPlugins.get(pluginId);
        if (findings) {
          this.#skipPlugin(model, pluginId);
          collector.onPluginBegin(pluginId);
          collector.onPluginResult(pluginId, preflightFailure(findings));
          return undefined;
        }
        return this.#startPlugin(
          model,
          pluginId,
          collector,
          skippedModules.get(pluginId) ?? new Map(),
        );
      }),
    );
    const result = collector.finalize(this.#timeline.beginAt);
    if (result.outcome === 'failure') {
      this.#timeline.skip('rootStartupHooks', {
        kind: 'rootStartupHooks',
        label: 'root startup hooks',
      });
      result.timeline = this.#timeline.entries();
      throw new BackendStartupError(result);
    }
    this.#timeline.begin('rootStartupHooks', {
      kind: 'rootStartupHooks',
      label: 'root startup hooks',
    });
    const rootLifecycle = await this.#getRootLifecycle();
    // Root startup hooks never reject; failures are logged by the service (LIFE-019).
    await rootLifecycle.startup();
    this.#timeline.end('rootStartupHooks');
    this.#logger?.info(
      `Backend started: ${result.plugins.map((p) => `${p.pluginId} ${p.failure ? 'failed' : 'ok'} in ${p.durationMs}ms`).join(', ')}`,
      {
        plugins: result.plugins.map((p) => ({
          pluginId: p.pluginId,
          outcome: p.outcome,
          durationMs: p.durationMs,
        })),
      },
    );
    result.timeline = this.#timeline.entries();
    return { result };
  }

  #skipPlugin(model: WiringModel, pluginId: string): void {
    this.#timeline.skip(`plugin:${pluginId}`, {
      kind: 'plugin',
      label: `plugin '${pluginId}'`,
      pluginId,
    });
    for (const moduleId of model.modules.get(pluginId)?.keys() ?? []) {
      this.#timeline.skip(`module:${pluginId}/${moduleId}`, {
        kind: 'module',
        label: `module '${moduleId}' of plugin '${pluginId}'`,
        pluginId,
        moduleId,
      });
    }
    this.#timeline.skip(`pluginStartupHooks:${pluginId}`, {
      kind: 'pluginStartupHooks',
      label: `startup hooks of plugin '${pluginId}'`,
      pluginId,
    });
  }

  #pendingReportInterval(config: unknown): number | false {
    if (this.#options.pendingReportIntervalMs !== undefined)
      return this.#options.pendingReportIntervalMs;
    const value = readConfig(config, 'backend.startup.pendingReportInterval');
    if (value === false) return false;
    // Invalid values were already refused by preflight (INIT-152).
    return parseDuration(value) ?? DEFAULT_PENDING_REPORT_MS;
  }

  #shutdownPhaseTimeout(config: unknown): number {
    if (this.#options.shutdownPhaseTimeoutMs !== undefined)
      return this.#options.shutdownPhaseTimeoutMs;
    return (
      parseDuration(readConfig(config, 'backend.lifecycle.shutdownPhaseTimeout')) ??
      DEFAULT_SHUTDOWN_PHASE_TIMEOUT_MS
    );
  }

  async #startPlugin(
    model: WiringModel,
    pluginId: string,
    collector: StartupResultCollector,
    skippedModules: ReadonlyMap<string, PreflightFinding[]>,
  ): Promise<void> {
    const registry = this.#options.registry;
    const key = `plugin:${pluginId}`;
    const pluginLabel = `plugin '${pluginId}'`;
    this.#timeline.begin(key, { kind: 'plugin', label: pluginLabel, pluginId });
    collector.onPluginBegin(pluginId);
    const allModules = [...(model.modules.get(pluginId)?.values() ?? [])];
    const hooksEntry = {
      kind: 'pluginStartupHooks' as const,
      label: `startup hooks of plugin '${pluginId}'`,
      pluginId,
    };
    const skipRest = (): void => {
      for (const m of allModules) {
        this.#timeline.skip(`module:${pluginId}/${m.moduleId}`, {
          kind: 'module',
          label: `module '${m.moduleId}' of plugin '${pluginId}'`,
          pluginId,
          moduleId: m.moduleId!,
        });
      }
      this.#timeline.skip(`pluginStartupHooks:${pluginId}`, hooksEntry);
    };
    const fail = (error: Error): void => {
      this.#timeline.end(key, error);
      collector.onPluginResult(pluginId, error);
    };

    const eager = registry.eagerPluginRecords();
    this.#timeline.waitOn(key, () =>
      eager.map((r) => serviceInstanceKey(r.factory.service, pluginId)),
    );
    for (const record of eager) {
      try {
        await registry.get(record.factory.service, pluginId);
      } catch (error) {
        skipRest();
        fail(
          new OpenstageError(
            'INIT_DEPENDENCY_FAILED',
            { pluginId, serviceId: record.factory.service.id, cause: describeCause(error) },
            { cause: error },
          ),
        );
        return;
      }
    }

    // INIT-106, INIT-107: modules that preflight findings concern are not run.
    for (const [moduleId, findings] of skippedModules) {
      this.#timeline.skip(`module:${pluginId}/${moduleId}`, {
        kind: 'module',
        label: `module '${moduleId}' of plugin '${pluginId}'`,
        pluginId,
        moduleId,
      });
      collector.onModuleResult(pluginId, moduleId, new Date(), preflightFailure(findings));
    }
    const modules = allModules.filter((m) => !skippedModules.has(m.moduleId!));
    if (modules.length > 0) {
      this.#timeline.waitOn(
        key,
        modules.map((m) => `module:${pluginId}/${m.moduleId}`),
      );
      const byId = new Map(modules.map((m) => [m.moduleId!, m]));
      await moduleOrderGraph(modules).parallelTopologicalTraversal(async (moduleId) => {
        const mod = byId.get(moduleId)!;
        const moduleKey = `module:${pluginId}/${moduleId}`;
        const beginAt = new Date();
        this.#timeline.begin(moduleKey, {
          kind: 'module',
          label: `module '${moduleId}' of plugin '${pluginId}'`,
          pluginId,
          moduleId,
        });
        let failure: Error | undefined;
        try {
          const deps = await this.#resolveInitDeps(model, mod, collector, moduleKey);
          try {
            await mod.init.func(deps);
          } catch (error) {
            failure = new OpenstageError(
              'INIT_MODULE_INIT_FAILED',
              { pluginId, moduleId, cause: describeCause(error) },
              { cause: error },
            );
          }
        } catch (error) {
          failure = error as Error;
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
      this.#timeline.skip(`pluginStartupHooks:${pluginId}`, hooksEntry);
      fail(error as Error);
      return;
    }
    try {
      await plugin.init.func(deps);
    } catch (error) {
      this.#timeline.skip(`pluginStartupHooks:${pluginId}`, hooksEntry);
      fail(
        new OpenstageError(
          'INIT_PLUGIN_INIT_FAILED',
          { pluginId, cause: describeCause(error) },
          { cause: error },
        ),
      );
      return;
    }
    let lifecycle: PluginLifecycleHooks;
    try {
      lifecycle = await this.#getPluginLifecycle(pluginId);
    } catch (error) {
      this.#timeline.skip(`pluginStartupHooks:${pluginId}`, hooksEntry);
      fail(
        error instanceof OpenstageError
          ? error
          : new OpenstageError(
              'INIT_DEPENDENCY_FAILED',
              { pluginId, serviceId: PLUGIN_LIFECYCLE.id, cause: describeCause(error) },
              { cause: error },
            ),
      );
      return;
    }
    this.#timeline.end(key);
    collector.onPluginResult(pluginId);
    this.#startedPlugins.push(pluginId);

    const hooksKey = `pluginStartupHooks:${pluginId}`;
    this.#timeline.begin(hooksKey, hooksEntry);
    // The service logs failing hooks and never rejects (LIFE-018, LIFE-019).
    await lifecycle
      .startup()
      .catch((error: unknown) =>
        this.#logger?.error(`Startup hooks of plugin '${pluginId}' failed`, toError(error)),
      );
    this.#timeline.end(hooksKey);
    this.#hooksSettled.add(pluginId);
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
    const owner = (): { pluginId: string; moduleId?: string } =>
      moduleId === undefined ? { pluginId } : { pluginId, moduleId };
    const entries = Object.entries(r.init.deps);
    const extensionPoints = model.extensionPoints;
    // Keys are built only if someone reads the timeline while this init waits.
    this.#timeline.waitOn(key, () =>
      entries
        .filter(([, dep]) => !extensionPoints.has(dep.id))
        .map(([, dep]) => serviceInstanceKey(dep as InternalServiceRef, pluginId)),
    );
    const resolved = await Promise.all(
      entries.map(([name, dep]) => {
        const ep = extensionPoints.get(dep.id);
        if (!ep || moduleId === undefined) {
          return this.#serviceDep(name, dep as InternalServiceRef, pluginId, owner);
        }
        return (async () => {
          let impl: unknown;
          try {
            impl = ep.factory({
              reportModuleStartupFailure: ({ error }) =>
                collector.amendModuleResult(pluginId, moduleId, error),
            });
          } catch (error) {
            throw new OpenstageError(
              'EXT_FACTORY_FAILED',
              { extensionPointId: dep.id, pluginId, moduleId, cause: describeCause(error) },
              { cause: error },
            );
          }
          const middleware = this.#options.extensionPointFactoryMiddleware;
          for (let index = 0; index < middleware.length; index++) {
            const mw = middleware[index]!;
            if (mw.extensionPointId !== dep.id) continue;
            try {
              impl = await mw.middleware(impl);
            } catch (error) {
              throw new OpenstageError(
                'EXT_MIDDLEWARE_FAILED',
                {
                  extensionPointId: dep.id,
                  pluginId,
                  moduleId,
                  index,
                  cause: describeCause(error),
                },
                { cause: error },
              );
            }
          }
          return [name, impl] as const;
        })();
      }),
    );
    this.#timeline.waitOn(key, []);
    return Object.fromEntries(resolved);
  }

  /**
   * One service dependency of an init as `[name, instance]`, rejecting with
   * `INIT_MISSING_DEPENDENCY` or `INIT_DEPENDENCY_FAILED`. A plain promise chain rather than an
   * async function: every plugin resolves a few of these.
   */
  #serviceDep(
    name: string,
    serviceRef: InternalServiceRef,
    pluginId: string,
    owner: () => { pluginId: string; moduleId?: string },
  ): Promise<readonly [string, unknown]> {
    const instance = this.#options.registry.get(serviceRef, pluginId);
    if (instance === undefined) {
      return Promise.reject(
        new OpenstageError('INIT_MISSING_DEPENDENCY', {
          ...owner(),
          dependencyKey: name,
          ref: `serviceRef{${serviceRef.id}}`,
        }),
      );
    }
    return instance.then(
      (value) => [name, value] as const,
      (error: unknown) => {
        throw new OpenstageError(
          'INIT_DEPENDENCY_FAILED',
          { ...owner(), serviceId: serviceRef.id, cause: describeCause(error) },
          { cause: error },
        );
      },
    );
  }

  async #getRootLifecycle(): Promise<RootLifecycleHooks> {
    const service = await this.#options.registry.get(ROOT_LIFECYCLE, 'root');
    assertLifecycle(service, ROOT_LIFECYCLE.id, ['startup', 'beforeShutdown', 'shutdown']);
    return service as RootLifecycleHooks;
  }

  async #getPluginLifecycle(pluginId: string): Promise<PluginLifecycleHooks> {
    const service = await this.#options.registry.get(PLUGIN_LIFECYCLE, pluginId);
    assertLifecycle(service, PLUGIN_LIFECYCLE.id, ['startup', 'shutdown'], pluginId);
    return service as PluginLifecycleHooks;
  }

  /** INIT-003, INIT-004: log unhandled errors, except under NODE_ENV=test. */
  #installProcessHandlers(): void {
    if (process.env['NODE_ENV'] === 'test') return;
    const onRejection = (reason: unknown): void => {
      const logger = this.#logger;
      if (logger)
        logger.child({ type: 'unhandledRejection' }).error('Unhandled rejection', toError(reason));
      else console.error('Unhandled rejection', reason);
    };
    const onException = (error: unknown): void => {
      const logger = this.#logger;
      if (logger)
        logger.child({ type: 'uncaughtException' }).error('Uncaught exception', toError(error));
      else console.error('Uncaught exception', error);
    };
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
    this.#processHandlers = [
      ['unhandledRejection', onRejection],
      ['uncaughtException', onException],
    ];
  }

  /** Idempotent: every call resolves to the same shutdown result (STOP-026). */
  stop(): Promise<ShutdownResult> {
    this.#stopPromise ??= this.#doStop();
    return this.#stopPromise;
  }

  async #doStop(): Promise<ShutdownResult> {
    const beginAt = new Date();
    // BACK-058, BACK-059: wait for a running start() or validate(), whatever it did.
    if (this.#startPromise) await this.#startPromise.catch(() => undefined);
    else if (this.#collected) await this.#collected.catch(() => undefined);
    const phases: ShutdownPhaseResult[] = [];
    const registry = this.#options.registry;
    // BACK-055, STOP-027: nothing ran, so no phase runs.
    if (registry.instantiatedIds().size > 0) {
      const collected = await this.#collected?.catch(() => undefined);
      const timeoutMs = this.#shutdownPhaseTimeout(collected?.config);
      let rootLifecycle: RootLifecycleHooks | undefined;
      if (registry.hasInstance(ROOT_LIFECYCLE, 'root')) {
        try {
          rootLifecycle = await this.#getRootLifecycle();
        } catch (error) {
          this.#logger?.error(
            'The root lifecycle service cannot run shutdown hooks',
            toError(error),
          );
        }
      }
      const root = (
        run: (s: RootLifecycleHooks, o: PhaseObserver) => Promise<void>,
      ): PhasePart[] =>
        rootLifecycle ? [{ run: (observer) => run(rootLifecycle, observer) }] : [];
      phases.push(
        await runShutdownPhase(
          'beforeShutdown',
          root((s, o) => s.beforeShutdown(o)),
          timeoutMs,
          this.#logger,
        ),
      );
      if (this.#pluginPhaseReached) {
        // STOP-004: every plugin whose lifecycle exists, whatever its startup did.
        const collectedPlugins = collected ? [...collected.model.plugins.keys()] : [];
        const parts: PhasePart[] = collectedPlugins
          .filter((pluginId) => registry.hasInstance(PLUGIN_LIFECYCLE, pluginId))
          .map((pluginId) => ({
            pluginId,
            run: async (observer) => (await this.#getPluginLifecycle(pluginId)).shutdown(observer),
          }));
        phases.push(await runShutdownPhase('pluginShutdown', parts, timeoutMs, this.#logger));
      }
      phases.push(
        await runShutdownPhase(
          'rootShutdown',
          root((s, o) => s.shutdown(o)),
          timeoutMs,
          this.#logger,
        ),
      );
    }
    // STOP-006, STOP-007: process listeners and signal handling end here.
    for (const [event, handler] of this.#processHandlers) process.off(event, handler);
    this.#processHandlers = [];
    this.#options.instanceRegistry.unregister(this);
    const result: ShutdownResult = { beginAt, endAt: new Date(), phases };
    this.#logger?.info(
      `Backend stopped: ${phases
        .map(
          (p) =>
            `${p.phase} ${p.endAt.getTime() - p.beginAt.getTime()}ms, ${p.hooks.filter((h) => h.outcome !== 'success').length} failed or timed out`,
        )
        .join('; ')}`,
    );
    return result;
  }
}
