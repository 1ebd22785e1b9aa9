import type { BackendStartupResult } from '../runtime/BackendStartupResult.js';
import type {
  PluginState,
  PluginStateEntry,
  PluginStateSource,
} from '../services/rootHealth/index.js';

/** The fields of a startup timeline entry that plugin states are computed from. */
export interface TimelineEntryView {
  readonly kind: string;
  readonly pluginId?: string;
  readonly moduleId?: string;
  readonly outcome: 'pending' | 'success' | 'failure' | 'skipped';
}

type TimelineReader = () => Iterable<TimelineEntryView>;

/**
 * Feeds the default `rootHealth` service the state of every plugin (HLTH-018 to HLTH-024), from
 * the runtime's startup timeline while `start()` runs and from its startup result afterwards.
 *
 * **Details**: the timeline does not say whether a failure was allowed by
 * `backend.startup`, so while `start()` runs a failed plugin reads `failed`; the result settles
 * it to `failed` or `failed-allowed`. Once the result is in, the answer is computed once and
 * reused, so readiness requests do no work. `stopping` is derived by the health service.
 */
export class RuntimePluginStates implements PluginStateSource {
  #timeline: TimelineReader | undefined;
  #settled: readonly PluginStateEntry[] | undefined;

  /** Reads live states from this timeline until a result is recorded. */
  attach(timeline: TimelineReader): void {
    this.#timeline = timeline;
  }

  /** Records the final outcome of `start()`, successful or not. */
  settle(result: BackendStartupResult): void {
    this.#settled = Object.freeze(
      result.plugins.map((plugin): PluginStateEntry => {
        const failedModules = plugin.modules
          .filter((m) => m.outcome === 'failure')
          .map((m) => m.moduleId);
        const state: PluginState =
          plugin.outcome === 'success'
            ? 'ready'
            : plugin.failure?.allowed
              ? 'failed-allowed'
              : 'failed';
        return failedModules.length > 0
          ? { pluginId: plugin.pluginId, state, failedModules }
          : { pluginId: plugin.pluginId, state };
      }),
    );
  }

  getPluginStates(): Iterable<PluginStateEntry> {
    if (this.#settled) return this.#settled;
    return this.#timeline ? statesFromTimeline(this.#timeline()) : [];
  }
}

function statesFromTimeline(entries: Iterable<TimelineEntryView>): PluginStateEntry[] {
  const plugins = new Map<string, { state: PluginState; failedModules: string[] }>();
  const hooksDone = new Set<string>();
  const failedModules: Array<[string, string]> = [];
  for (const entry of entries) {
    if (entry.pluginId === undefined) continue;
    if (entry.kind === 'plugin') {
      const state: PluginState =
        entry.outcome === 'failure' || entry.outcome === 'skipped' ? 'failed' : 'starting';
      plugins.set(entry.pluginId, { state, failedModules: [] });
    } else if (entry.kind === 'pluginStartupHooks' && entry.outcome === 'success') {
      hooksDone.add(entry.pluginId);
    } else if (
      entry.kind === 'module' &&
      entry.moduleId !== undefined &&
      (entry.outcome === 'failure' || entry.outcome === 'skipped')
    ) {
      failedModules.push([entry.pluginId, entry.moduleId]);
    }
  }
  for (const [pluginId, moduleId] of failedModules)
    plugins.get(pluginId)?.failedModules.push(moduleId);
  return [...plugins].map(([pluginId, { state, failedModules: failed }]) => {
    const resolved: PluginState = state === 'starting' && hooksDone.has(pluginId) ? 'ready' : state;
    return failed.length > 0
      ? { pluginId, state: resolved, failedModules: failed }
      : { pluginId, state: resolved };
  });
}
