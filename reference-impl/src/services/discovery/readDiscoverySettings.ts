import type { Config } from '@openstage/spec';
import { compileTarget, stripTrailingSlashes, type DiscoveryTarget } from './DiscoveryTarget.js';
import { DiscoveryError } from './discoveryErrors.js';

/** An entry of `discovery.endpoints`, or of the default endpoints given in code. */
export interface DiscoveryEndpoint {
  target: string | { internal?: string; external?: string };
  plugins: string[];
}

/** Targets by plugin id for one direction; `wildcard` is the target of `*`. */
export interface DirectionTable {
  readonly byPlugin: ReadonlyMap<string, DiscoveryTarget>;
  readonly wildcard: DiscoveryTarget | undefined;
}

/** Everything the discovery service resolves from; replaced whole on a config change. */
export interface DiscoverySettings {
  /** `<protocol>://<host>:<port>` of the internal fallback (DISC-020 to DISC-028). */
  readonly internalOrigin: string;
  /**
   * `<protocol>://<host>:` of the internal fallback when `backend.listen` configures port `0`,
   * whose port is the one the server actually bound (DISC-023); absent otherwise.
   */
  readonly internalOriginBeforeBoundPort?: string;
  /** `backend.baseUrl` without trailing `/` (DISC-029). */
  readonly externalBase: string;
  readonly internal: DirectionTable;
  readonly external: DirectionTable;
}

const DEFAULT_PORT = 7007;

function parseListen(listen: unknown): { host: string; port: string } {
  if (typeof listen === 'string' || typeof listen === 'number') {
    const text = String(listen);
    const colon = text.lastIndexOf(':');
    if (colon === -1) return { host: '', port: text || String(DEFAULT_PORT) };
    return { host: text.slice(0, colon), port: text.slice(colon + 1) || String(DEFAULT_PORT) };
  }
  if (typeof listen === 'object' && listen !== null) {
    const { host, port } = listen as { host?: unknown; port?: unknown };
    return {
      host: typeof host === 'string' ? host : '',
      port:
        port === undefined || port === null || port === '' ? String(DEFAULT_PORT) : String(port),
    };
  }
  return { host: '', port: String(DEFAULT_PORT) };
}

function internalHost(host: string): string {
  if (host === '' || host === '::') return 'localhost'; // DISC-024
  if (host === '0.0.0.0') return '127.0.0.1'; // DISC-025
  if (host.includes(':') && !host.startsWith('[')) return `[${host}]`; // DISC-026
  return host; // DISC-028
}

function readBaseUrl(config: Config): string {
  const raw = config.getOptional('backend.baseUrl');
  if (raw === undefined || raw === null || raw === '')
    throw new DiscoveryError('DISC_BASE_URL_MISSING');
  let url: URL | undefined;
  try {
    url = typeof raw === 'string' ? new URL(raw) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new DiscoveryError('DISC_BASE_URL_INVALID', { value: JSON.stringify(raw) });
  }
  return stripTrailingSlashes(raw as string);
}

function addEntry(
  entry: unknown,
  configPath: string,
  tables: {
    internal: Map<string, DiscoveryTarget | undefined>;
    external: Map<string, DiscoveryTarget | undefined>;
  },
  wild: { internal?: DiscoveryTarget; external?: DiscoveryTarget },
): void {
  const record =
    typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined;
  const plugins = record?.['plugins'];
  if (!Array.isArray(plugins) || !plugins.every((p) => typeof p === 'string')) {
    throw new DiscoveryError('DISC_INVALID_ENDPOINT', {
      configPath,
      reason:
        plugins === undefined ? 'missing plugins list' : 'plugins must be a list of plugin ids',
    });
  }
  const target = record?.['target'];
  let internal: string | undefined;
  let external: string | undefined;
  if (typeof target === 'string') {
    internal = external = target;
    // DISC-063: a string target is used for both directions, so it must not be SRV.
    compileTarget(target, 'external', `${configPath}.target`);
  } else if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
    const t = target as Record<string, unknown>;
    for (const side of ['internal', 'external'] as const) {
      if (t[side] !== undefined && typeof t[side] !== 'string') {
        throw new DiscoveryError('DISC_INVALID_ENDPOINT', {
          configPath,
          reason: `target.${side} must be a string`,
        });
      }
    }
    internal = t['internal'] as string | undefined;
    external = t['external'] as string | undefined;
  } else {
    throw new DiscoveryError('DISC_INVALID_ENDPOINT', {
      configPath,
      reason: 'target must be a string or an object with internal and external URLs',
    });
  }
  const compiled = {
    internal:
      internal === undefined
        ? undefined
        : compileTarget(
            internal,
            'internal',
            `${configPath}.target${typeof target === 'string' ? '' : '.internal'}`,
          ),
    external:
      external === undefined
        ? undefined
        : compileTarget(
            external,
            'external',
            `${configPath}.target${typeof target === 'string' ? '' : '.external'}`,
          ),
  };
  for (const side of ['internal', 'external'] as const) {
    const t = compiled[side];
    // DISC-044: an entry without a target for this direction does not name its plugins there.
    if (t === undefined) continue;
    for (const pluginId of plugins as string[]) {
      // DISC-047: later entries win, so plain overwriting is the rule.
      if (pluginId === '*') wild[side] = t;
      else tables[side].set(pluginId, t);
    }
  }
}

/**
 * Reads and validates everything the default discovery service resolves from. Default
 * endpoints come first and config entries after them, so that config wins wherever both name
 * the same plugin id (DISC-053), and explicit ids always beat `*` (DISC-046).
 *
 * @throws DiscoveryError with one of the codes of DISC-030, DISC-031, DISC-051, DISC-063, DISC-064.
 */
export function readDiscoverySettings(
  config: Config,
  defaultEndpoints: readonly DiscoveryEndpoint[] = [],
): DiscoverySettings {
  const https = config.getOptional('backend.https');
  const protocol =
    https === true || (typeof https === 'object' && https !== null) ? 'https' : 'http'; // DISC-021
  const { host, port } = parseListen(config.getOptional('backend.listen'));
  const internalOrigin = `${protocol}://${internalHost(host)}:${port}`;
  const boundPortWanted = Number(port) === 0;
  const externalBase = readBaseUrl(config);

  const tables = {
    internal: new Map<string, DiscoveryTarget | undefined>(),
    external: new Map<string, DiscoveryTarget | undefined>(),
  };
  const wild: { internal?: DiscoveryTarget; external?: DiscoveryTarget } = {};
  defaultEndpoints.forEach((entry, index) =>
    addEntry(entry, `defaultEndpoints[${index}]`, tables, wild),
  );
  const configured = config.getOptional('discovery.endpoints');
  if (configured !== undefined && !Array.isArray(configured)) {
    throw new DiscoveryError('DISC_INVALID_ENDPOINT', {
      configPath: 'discovery.endpoints',
      reason: 'must be a list of entries',
    });
  }
  (configured ?? []).forEach((entry, index) =>
    addEntry(entry, `discovery.endpoints[${index}]`, tables, wild),
  );

  const table = (side: 'internal' | 'external'): DirectionTable => ({
    byPlugin: new Map(
      [...tables[side]].filter((e): e is [string, DiscoveryTarget] => e[1] !== undefined),
    ),
    wildcard: wild[side],
  });
  return {
    internalOrigin,
    ...(boundPortWanted
      ? { internalOriginBeforeBoundPort: `${protocol}://${internalHost(host)}:` }
      : {}),
    externalBase,
    internal: table('internal'),
    external: table('external'),
  };
}
