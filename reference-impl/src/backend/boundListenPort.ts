/**
 * The port the default root HTTP server actually bound, per backend, keyed by that backend's
 * `rootConfig` instance (the one root service every default factory already shares).
 *
 * **Why not a dependency**: the default discovery service needs the bound port only when
 * `backend.listen` asks for port `0` (DISC-023). A dependency of discovery on
 * `core.rootHttpRouter` would change the wiring of every backend for that corner case and would
 * make a replacement root router that depends on discovery a cycle. Keying by the config object
 * keeps backends in one process apart, and a replaced root router simply announces nothing.
 * It lives here, outside both service folders, so that neither service reaches into the other's
 * internals.
 */
const boundPorts = new WeakMap<object, number>();

/** Records the port the root HTTP server of the backend configured by `config` listens on. */
export function announceBoundPort(config: object, port: number): void {
  boundPorts.set(config, port);
}

/** The bound port of the backend configured by `config`, once its server listens. */
export function boundPortOf(config: object): number | undefined {
  return boundPorts.get(config);
}
