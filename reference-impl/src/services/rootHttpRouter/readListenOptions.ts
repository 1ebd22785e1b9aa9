import { RootHttpRouterError } from './RootHttpRouterError.js';

/** Where the server listens. `host` is `''` for every interface. */
export interface ListenOptions {
  host: string;
  port: number;
}

const DEFAULT_PORT = 7007;

/**
 * Reads `backend.listen` (RHTTP-018 to RHTTP-023): unset, `'<port>'`, `'<host>:<port>'` or
 * `{ host, port }`. Ports are digits only, unlike `parseInt`, which accepts `'7007abc'`.
 *
 * @throws RootHttpRouterError `RHTTP_INVALID_LISTEN_ADDRESS` naming the value (RHTTP-022).
 */
export function readListenOptions(listen: unknown): ListenOptions {
  if (listen === undefined || listen === null) return { host: '', port: DEFAULT_PORT };
  if (typeof listen === 'string') {
    const portOnly = /^\d+$/.test(listen) ? listen : undefined;
    if (portOnly !== undefined) return { host: '', port: toPort(portOnly, listen) };
    const match = /^([^:]*):(\d+)$/.exec(listen);
    if (match === null) throw invalid(listen);
    return { host: match[1] ?? '', port: toPort(match[2] ?? '', listen) };
  }
  if (typeof listen === 'number') return { host: '', port: toPort(String(listen), listen) };
  if (typeof listen === 'object' && !Array.isArray(listen)) {
    const { host, port } = listen as { host?: unknown; port?: unknown };
    if (host !== undefined && host !== null && typeof host !== 'string') throw invalid(listen);
    let resolvedPort = DEFAULT_PORT;
    if (typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))) {
      resolvedPort = toPort(String(port), listen);
    } else if (port !== undefined && port !== null) {
      throw invalid(listen);
    }
    return { host: host ?? '', port: resolvedPort };
  }
  throw invalid(listen);
}

function toPort(digits: string, value: unknown): number {
  const port = Number(digits);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalid(value);
  return port;
}

function invalid(value: unknown): RootHttpRouterError<'RHTTP_INVALID_LISTEN_ADDRESS'> {
  return new RootHttpRouterError('RHTTP_INVALID_LISTEN_ADDRESS', {
    configPath: 'backend.listen',
    value: JSON.stringify(value),
  });
}
