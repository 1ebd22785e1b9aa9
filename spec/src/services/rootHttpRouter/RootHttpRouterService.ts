import type { HttpRequestHandler } from '../../http/HttpRequestHandler.js';

/**
 * The `rootHttpRouter` service (`core.rootHttpRouter`, root scope): the backend's HTTP server
 * and its top-level routes.
 *
 * **When to use**: in root-scoped services that serve routes outside any plugin's `/api/<id>`
 * prefix. The default `httpRouter` uses it to mount each plugin at `/api/<pluginId>`.
 *
 * **Details**: mount paths must not be empty and must not overlap an existing mount.
 *
 * @requirement RHTTP-001
 * @requirement RHTTP-008
 * @see {@link HttpRouterService}
 * @category services
 * @since 0.1.0
 */
export interface RootHttpRouterService {
  /**
   * Mounts `handler` at `path`, relative to the server root.
   *
   * @requirement RHTTP-002
   * @requirement RHTTP-003
   * @requirement RHTTP-004
   * @requirement RHTTP-005
   * @requirement RHTTP-006
   * @requirement RHTTP-007
   */
  use: (path: string, handler: HttpRequestHandler) => void;
}
