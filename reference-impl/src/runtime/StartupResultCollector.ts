import { OpenstageError, describeCause } from '../errors/OpenstageError.js';
import type {
  BackendStartupResult,
  ModuleStartupResult,
  PluginStartupResult,
} from './BackendStartupResult.js';
import type { AllowBootFailurePredicate } from './createAllowBootFailurePredicate.js';
import type { RuntimeLogger } from './RuntimeLogger.js';
import { errorForLog } from '../errors/errorForLog.js';
import type { PluginRuntimeState } from './PluginRuntimeState.js';
import type { StartupTimeline } from './StartupTimeline.js';

const MAX_REPORT_INTERVAL_MS = 60_000;

function joinIds(ids: Iterable<string>): string {
  return [...ids].map((id) => `'${id}'`).join(', ');
}

/**
 * Collects per-plugin and per-module outcomes while plugins initialize,
 * applies the boot-failure policy, and logs progress. When plugins stay
 * pending it logs, for each, the chain of what it waits on.
 */
export class StartupResultCollector {
  readonly #logger: RuntimeLogger | undefined;
  readonly #allow: AllowBootFailurePredicate;
  readonly #timeline: StartupTimeline;
  readonly #starting: Set<string>;
  readonly #pluginIds: readonly string[];
  readonly #results = new Map<string, PluginStartupResult>();
  readonly #modules = new Map<string, ModuleStartupResult[]>();
  readonly #pluginBegin = new Map<string, Date>();
  #finalized = false;
  #disallowed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: {
    pluginIds: string[];
    logger: RuntimeLogger | undefined;
    allowBootFailure: AllowBootFailurePredicate;
    timeline: StartupTimeline;
    /** `false` disables pending reports. */
    pendingReportIntervalMs: number | false;
  }) {
    this.#logger = options.logger?.child({ type: 'initialization' });
    this.#allow = options.allowBootFailure;
    this.#timeline = options.timeline;
    this.#starting = new Set([...options.pluginIds].sort());
    this.#pluginIds = [...this.#starting];
    for (const id of this.#starting) this.#modules.set(id, []);
    this.#logger?.info(`Plugin initialization started: ${joinIds(this.#starting)}`);
    this.#scheduleProgress(1000, 0);
    if (options.pendingReportIntervalMs !== false)
      this.#schedulePending(options.pendingReportIntervalMs);
  }

  #progressTimer: ReturnType<typeof setTimeout> | undefined;

  /** Backstage-style progress log: 1 s, then growing, capped at 60 s. */
  #scheduleProgress(interval: number, previous: number): void {
    if (this.#starting.size === 0 || this.#finalized) return;
    this.#progressTimer = setTimeout(() => {
      this.#logger?.info(
        `Plugin initialization in progress, still initializing: ${joinIds(this.#starting)}`,
      );
      this.#scheduleProgress(Math.min(interval + previous, MAX_REPORT_INTERVAL_MS), interval);
    }, interval);
    // Progress reports must never keep the process alive on their own.
    this.#progressTimer.unref?.();
  }

  /** Pending report (INIT-147): each pending plugin and the chain it waits on. */
  #schedulePending(interval: number): void {
    if (this.#starting.size === 0 || this.#finalized) return;
    this.#timer = setTimeout(() => {
      for (const pluginId of this.#starting) {
        const keys = this.#timeline.waitChainRefs(`plugin:${pluginId}`);
        const labels = this.#timeline.waitChain(`plugin:${pluginId}`);
        this.#logger?.warn(
          `Plugin '${pluginId}' is still initializing: ${labels.join(' waits on ')}`,
          {
            pluginId,
            waitChain: keys.map((ref) => ({
              kind: ref.kind,
              ...(ref.pluginId !== undefined ? { pluginId: ref.pluginId } : {}),
              ...(ref.moduleId !== undefined ? { moduleId: ref.moduleId } : {}),
              ...(ref.serviceId !== undefined ? { serviceId: ref.serviceId } : {}),
              ...(ref.loader !== undefined ? { loader: ref.loader } : {}),
            })),
          },
        );
      }
      this.#schedulePending(interval);
    }, interval);
    this.#timer.unref?.();
  }

  /** Pending plugins and what each one waits on, as text chains. */
  pendingChains(): string[] {
    return [...this.#starting].map((id) =>
      this.#timeline.waitChain(`plugin:${id}`).join(' waits on '),
    );
  }

  /**
   * The state of every plugin so far, with the policy applied to each failure as it happens, so
   * an allowed failure reads `failed-allowed` while other plugins still start. A plugin whose
   * `init` succeeded is `ready` only once `hooksSettled` holds it.
   */
  currentStates(hooksSettled: ReadonlySet<string>): PluginRuntimeState[] {
    return this.#pluginIds.map((pluginId): PluginRuntimeState => {
      const result = this.#results.get(pluginId);
      const state: PluginRuntimeState['state'] =
        result === undefined
          ? 'starting'
          : result.failure
            ? result.failure.allowed
              ? 'failed-allowed'
              : 'failed'
            : hooksSettled.has(pluginId)
              ? 'ready'
              : 'starting';
      const failedModules = (this.#modules.get(pluginId) ?? [])
        .filter((m) => m.failure !== undefined)
        .map((m) => m.moduleId)
        .sort();
      return failedModules.length > 0 ? { pluginId, state, failedModules } : { pluginId, state };
    });
  }

  onPluginBegin(pluginId: string): void {
    this.#pluginBegin.set(pluginId, new Date());
  }

  onModuleResult(pluginId: string, moduleId: string, beginAt: Date, error?: Error): void {
    const modules = this.#modules.get(pluginId);
    if (!modules) return;
    const resultAt = new Date();
    const result: ModuleStartupResult = {
      moduleId,
      beginAt,
      resultAt,
      durationMs: Math.max(0, resultAt.getTime() - beginAt.getTime()),
      outcome: error ? 'failure' : 'success',
    };
    if (error) {
      const allowed = this.#allow(pluginId, moduleId);
      result.failure = { error, allowed };
      this.#logFailure(`Module '${moduleId}' in plugin '${pluginId}'`, allowed, error);
    }
    modules.push(result);
  }

  /**
   * Amends a module's result after its init resolved (the extension point
   * context's `reportModuleStartupFailure`). Throws `EXT_REPORT_OUTSIDE_WINDOW`
   * when the module has no result yet; only logs after finalization.
   */
  amendModuleResult(pluginId: string, moduleId: string, error: Error): void {
    if (this.#finalized) {
      this.#logger?.error(
        `Plugin '${pluginId}' reported failure for module '${moduleId}' after startup`,
        { pluginId, moduleId, error: errorForLog(error) },
      );
      return;
    }
    const result = this.#modules.get(pluginId)?.find((m) => m.moduleId === moduleId);
    if (!result) {
      throw new OpenstageError('MOD_FAILURE_REPORTED_TOO_EARLY', { pluginId, moduleId });
    }
    const allowed = this.#allow(pluginId, moduleId);
    const wrapped = new OpenstageError(
      'MOD_STARTUP_FAILURE_REPORTED',
      { pluginId, moduleId, cause: describeCause(error) },
      { cause: error },
    );
    // MOD-048: an earlier failure of the module is kept.
    if (result.failure) return;
    result.failure = { error: wrapped, allowed };
    result.outcome = 'failure';
    this.#logFailure(`Plugin '${pluginId}' reported that module '${moduleId}'`, allowed, wrapped);
  }

  onPluginResult(pluginId: string, error?: Error): void {
    this.#starting.delete(pluginId);
    const resultAt = new Date();
    const beginAt = this.#pluginBegin.get(pluginId) ?? resultAt;
    const result: PluginStartupResult = {
      pluginId,
      beginAt,
      resultAt,
      durationMs: Math.max(0, resultAt.getTime() - beginAt.getTime()),
      outcome: error ? 'failure' : 'success',
      modules: [...(this.#modules.get(pluginId) ?? [])],
    };
    if (error) {
      const allowed = this.#allow(pluginId);
      result.failure = { error, allowed };
      this.#logFailure(`Plugin '${pluginId}'`, allowed, error);
    }
    this.#results.set(pluginId, result);
  }

  #logFailure(subject: string, allowed: boolean, error: Error): void {
    if (allowed) {
      this.#logger?.error(
        `${subject} failed during startup, but boot failure is permitted so startup will continue.`,
        error,
      );
    } else {
      this.#disallowed = true;
      const waiting =
        this.#starting.size > 0
          ? `, waiting for ${this.#starting.size} other plugins to finish before shutting down the process`
          : '';
      this.#logger?.error(`${subject} failed during startup${waiting}.`, error);
    }
  }

  finalize(beginAt: Date): BackendStartupResult {
    this.#finalized = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#progressTimer) clearTimeout(this.#progressTimer);
    // Failures amended after a plugin's result was recorded still count.
    for (const result of this.#results.values()) {
      for (const m of result.modules) if (m.failure && !m.failure.allowed) this.#disallowed = true;
    }
    this.#logger?.info(
      `Plugin initialization complete, newly initialized: ${joinIds(this.#results.keys())}`,
    );
    const resultAt = new Date();
    return {
      beginAt,
      resultAt,
      durationMs: resultAt.getTime() - beginAt.getTime(),
      outcome: this.#disallowed ? 'failure' : 'success',
      plugins: [...this.#results.values()]
        .map((p) => ({
          ...p,
          modules: [...(this.#modules.get(p.pluginId) ?? [])].sort((a, b) =>
            a.moduleId < b.moduleId ? -1 : 1,
          ),
        }))
        .sort((a, b) => (a.pluginId < b.pluginId ? -1 : 1)),
    };
  }
}
