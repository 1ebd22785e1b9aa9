/**
 * The state of one plugin as the runtime sees it (HLTH-019 to HLTH-024).
 *
 * - `starting`: from the beginning of `start()` until its `init` and, on success, its startup
 *   hooks have settled.
 * - `ready`: `init` succeeded and the startup hooks have settled.
 * - `failed`: registration or `init` failed and the boot-failure policy did not allow it.
 * - `failed-allowed`: registration or `init` failed and the policy allowed it.
 * - `stopping`: the before-shutdown phase has begun. A source may report it itself; the default
 *   `rootHealth` also derives it from `starting` and `ready` once shutdown begins.
 */
export type PluginState = 'starting' | 'ready' | 'failed' | 'failed-allowed' | 'stopping';

/** One plugin in a {@link PluginStateSource} report. */
export interface PluginStateEntry {
  readonly pluginId: string;
  readonly state: PluginState;
  /** Ids of the plugin's modules whose `init` failed; empty or absent when none did. */
  readonly failedModules?: ReadonlyArray<string>;
}

/**
 * Where the default `rootHealth` service learns the state of every plugin, for the `plugins`
 * object of its readiness payload (HLTH-018).
 *
 * **When to use**: the runtime implements it from its startup bookkeeping and hands it to the
 * health service, either when constructing `DefaultRootHealthService` or later through
 * `setPluginStateSource`. Without a source, `plugins` is an empty object.
 *
 * **Details**: called on every readiness request, so it should return what it already knows
 * without doing work. It must not include error messages or configuration values; the health
 * service copies only `state` and `failedModules` in any case (HLTH-026).
 */
export interface PluginStateSource {
  /** Every plugin the runtime knows at the time of the call. */
  getPluginStates(): Iterable<PluginStateEntry>;
}
