import type {
  JsonObject,
  RootHealthService,
  RootHealthServiceResponse,
  RootLifecycleService,
} from '@openstage/spec';
import type { PluginStateSource } from './PluginStateSource.js';

/** The part of the `rootLifecycle` service the health service uses. */
export type RootHealthLifecycle = Pick<
  RootLifecycleService,
  'addStartupHook' | 'addBeforeShutdownHook'
>;

const LIVE: RootHealthServiceResponse = Object.freeze({
  status: 200,
  payload: Object.freeze({ status: 'ok' }),
});

/**
 * The default `rootHealth` service (HLTH-009 to HLTH-027).
 *
 * **Details**: liveness is always 200. Readiness is 503 until the root startup hooks run, 200
 * (`ok`, or `degraded` when a plugin failed with the failure allowed or lost modules) until the
 * before-shutdown phase begins, and 503 from then on. Every readiness payload lists the plugins
 * by id in ascending order with their state and failed modules, and nothing else.
 *
 * The flags flip synchronously inside the lifecycle hooks. This service is created before the
 * root router (which depends on it), so its before-shutdown hook is registered, and therefore
 * called, before the router's shutdown delay and any later service's hook (HLTH-016).
 */
export class DefaultRootHealthService implements RootHealthService {
  #started = false;
  #shuttingDown = false;
  #source: PluginStateSource | undefined;

  constructor(options: { lifecycle: RootHealthLifecycle; pluginStates?: PluginStateSource }) {
    this.#source = options.pluginStates;
    options.lifecycle.addStartupHook(() => {
      this.#started = true;
    });
    options.lifecycle.addBeforeShutdownHook(() => {
      this.#shuttingDown = true;
    });
  }

  /** Connects the runtime's plugin states; replaces any earlier source. */
  setPluginStateSource(source: PluginStateSource | undefined): void {
    this.#source = source;
  }

  async getLiveness(): Promise<RootHealthServiceResponse> {
    return LIVE;
  }

  async getReadiness(): Promise<RootHealthServiceResponse> {
    const shuttingDown = this.#shuttingDown;
    const { plugins, degraded } = this.#pluginStates(shuttingDown);
    if (shuttingDown) {
      return {
        status: 503,
        payload: { status: 'error', message: 'Backend is shutting down', plugins },
      };
    }
    if (!this.#started) {
      return {
        status: 503,
        payload: { status: 'error', message: 'Backend has not started yet', plugins },
      };
    }
    return { status: 200, payload: { status: degraded ? 'degraded' : 'ok', plugins } };
  }

  #pluginStates(shuttingDown: boolean): { plugins: JsonObject; degraded: boolean } {
    const plugins: JsonObject = {};
    let degraded = false;
    if (this.#source === undefined) return { plugins, degraded };
    const entries = Array.from(this.#source.getPluginStates()).sort((a, b) =>
      a.pluginId < b.pluginId ? -1 : a.pluginId > b.pluginId ? 1 : 0,
    );
    for (const entry of entries) {
      let state: string = entry.state;
      if (shuttingDown && (state === 'starting' || state === 'ready')) state = 'stopping';
      const failedModules =
        entry.failedModules === undefined ? [] : [...entry.failedModules].sort();
      if (state === 'failed-allowed' || failedModules.length > 0) degraded = true;
      plugins[entry.pluginId] = failedModules.length > 0 ? { state, failedModules } : { state };
    }
    return { plugins, degraded };
  }
}
