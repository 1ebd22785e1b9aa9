import type { HttpRequestHandler, RootHttpRouterService } from '@openstage/spec';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RootHttpRouterError } from './RootHttpRouterError.js';

/** Options of {@link DefaultRootHttpRouter}. */
export interface DefaultRootHttpRouterOptions {
  /**
   * Where unmatched requests outside `/api/` go: the handler mounted at this path receives them
   * with their path unchanged. `false` disables the fallback. Defaults to `/api/app`.
   */
  indexPath?: string | false;
}

interface Mount {
  /** The path as given to `use`, without trailing slashes. */
  readonly path: string;
  readonly handler: RequestHandler;
}

/**
 * The mount table of the root router: `use(path, handler)` plus a single request handler that
 * dispatches to the mounted handlers.
 *
 * **Details**: mounts never overlap (RHTTP-005), so at most one mount matches a request. The
 * table is keyed by the lower-cased mount path; a request is matched by looking up each of its
 * `/`-separated prefixes, which costs a few map lookups instead of a regular expression per
 * mount. The handler sees the request path relative to its mount, as with express's
 * `app.use(path, handler)` (RHTTP-003); `req.url` and `req.baseUrl` are restored when it passes
 * the request on.
 */
export class DefaultRootHttpRouter implements RootHttpRouterService {
  readonly #mounts = new Map<string, Mount>();
  /**
   * Every `/`-bounded prefix of a mount key, to the first mount under it: with it, `use` finds a
   * conflict in a few lookups instead of comparing with every mount, once per plugin.
   */
  readonly #prefixes = new Map<string, Mount>();
  readonly #indexPath: string | undefined;
  #indexHandler: RequestHandler | undefined;

  constructor(options: DefaultRootHttpRouterOptions = {}) {
    const indexPath = options.indexPath ?? '/api/app';
    if (indexPath === '') {
      throw new RootHttpRouterError('RHTTP_INVALID_INDEX_PATH', {});
    }
    this.#indexPath =
      indexPath === false ? undefined : trimTrailingSlashes(indexPath).toLowerCase();
  }

  use(path: string, handler: HttpRequestHandler): void {
    if (typeof path !== 'string' || /^[\s/]*$/.test(path)) {
      throw new RootHttpRouterError('RHTTP_EMPTY_PATH', { received: JSON.stringify(path) });
    }
    // Express would never match a path without a leading slash; mount it where it was meant.
    const trimmed = trimTrailingSlashes(path.startsWith('/') ? path : `/${path}`);
    const key = trimmed.toLowerCase();
    const existing = this.#conflictOf(key);
    if (existing !== undefined) {
      throw new RootHttpRouterError('RHTTP_PATH_CONFLICT', {
        mountPath: path,
        existingPath: existing.path,
      });
    }
    // The spec's handler type is framework-neutral; at run time it is an express handler.
    const expressHandler = handler as unknown as RequestHandler;
    const mount: Mount = { path: trimmed, handler: expressHandler };
    this.#mounts.set(key, mount);
    for (let i = key.indexOf('/', 1); i !== -1; i = key.indexOf('/', i + 1)) {
      const prefix = key.slice(0, i);
      if (!this.#prefixes.has(prefix)) this.#prefixes.set(prefix, mount);
    }
    if (key === this.#indexPath) this.#indexHandler = expressHandler;
  }

  /**
   * The mount a new mount at `key` would overlap (RHTTP-005): one at the same path or above it,
   * else the first one below it. Mounts never overlap each other, so there is at most one above,
   * and never one above and one below.
   */
  #conflictOf(key: string): Mount | undefined {
    const same = this.#mounts.get(key);
    if (same !== undefined) return same;
    for (let i = key.indexOf('/', 1); i !== -1; i = key.indexOf('/', i + 1)) {
      const above = this.#mounts.get(key.slice(0, i));
      if (above !== undefined) return above;
    }
    return this.#prefixes.get(key);
  }

  /** The request handler that serves the mounted routes and the index fallback. */
  handler(): RequestHandler {
    return (req, res, next) => this.#dispatch(req, res, next);
  }

  #dispatch(req: Request, res: Response, next: NextFunction): void {
    const url = req.url;
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const mount = this.#find(path.toLowerCase());
    if (mount === undefined) {
      this.#fallback(req, res, next, path);
      return;
    }
    const mountLength = mount.path.length;
    const parentBaseUrl = req.baseUrl;
    const rest = url.slice(mountLength);
    req.baseUrl = parentBaseUrl + url.slice(0, mountLength);
    req.url = rest === '' || rest.charCodeAt(0) !== 47 /* / */ ? `/${rest}` : rest;
    const done = (error?: unknown): void => {
      req.url = url;
      req.baseUrl = parentBaseUrl;
      if (error !== undefined && error !== 'route' && error !== 'router') next(error);
      else this.#fallback(req, res, next, path);
    };
    try {
      mount.handler(req, res, done);
    } catch (error) {
      done(error ?? new Error('A mounted handler threw a nullish value'));
    }
  }

  /** Requests no mount answered: `/api/...` goes to not-found, the rest to the index handler. */
  #fallback(req: Request, res: Response, next: NextFunction, path: string): void {
    const index = this.#indexHandler;
    if (index === undefined || isApiPath(path)) {
      next();
      return;
    }
    try {
      index(req, res, next);
    } catch (error) {
      next(error ?? new Error('The index handler threw a nullish value'));
    }
  }

  #find(lowerPath: string): Mount | undefined {
    const mounts = this.#mounts;
    // Mount keys start with `/` and never end with one, so the prefixes that end just before
    // each later `/`, and the whole path, are the only candidates.
    for (let i = lowerPath.indexOf('/', 1); i !== -1; i = lowerPath.indexOf('/', i + 1)) {
      const mount = mounts.get(lowerPath.slice(0, i));
      if (mount !== undefined) return mount;
    }
    return mounts.get(trimTrailingSlashes(lowerPath));
  }
}

function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}

/** `/api` and everything below it, compared without regard to case as express routes are. */
function isApiPath(path: string): boolean {
  if (path.length < 4) return false;
  const head = path.slice(0, 4).toLowerCase();
  return head === '/api' && (path.length === 4 || path.charCodeAt(4) === 47);
}
