/**
 * What the runtime knows about one plugin at a given moment (HLTH-019 to HLTH-023): `starting`
 * from the beginning of `start()` until its `init` and startup hooks have settled, then `ready`;
 * `failed` or `failed-allowed` as soon as its registration or `init` failed, by the boot-failure
 * policy in force (`backend.startup`). `stopping` is not a runtime state: the health service
 * derives it once the before-shutdown phase begins.
 */
export interface PluginRuntimeState {
  readonly pluginId: string;
  readonly state: 'starting' | 'ready' | 'failed' | 'failed-allowed';
  /** Ids of the plugin's modules whose `init` failed (or were reported failed), sorted. */
  readonly failedModules?: readonly string[];
}
