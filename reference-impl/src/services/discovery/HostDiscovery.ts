import type { Config, DiscoveryService, LoggerService } from '@openstage/spec';
import { fillTemplate, stripTrailingSlashes, type DiscoveryTarget } from './DiscoveryTarget.js';
import { DiscoveryError } from './discoveryErrors.js';
import {
  readDiscoverySettings,
  type DirectionTable,
  type DiscoveryEndpoint,
  type DiscoverySettings,
} from './readDiscoverySettings.js';
import { boundPortOf } from '../../backend/boundListenPort.js';
import { resolveSrvTarget, type SrvResolver } from './resolveSrvTarget.js';

/**
 * The system's SRV lookup. `node:dns` is imported on the first lookup: loading it starts the
 * c-ares resolver, which a backend without `srv+` discovery targets never uses (issue 10).
 */
const systemResolveSrv: SrvResolver = async (name) =>
  (await import('node:dns/promises')).resolveSrv(name);

/** Options of {@link HostDiscovery.fromConfig}. */
export interface HostDiscoveryOptions {
  /** Receives the warning of DISC-032 and the errors of rejected config changes (DISC-072). */
  logger: LoggerService;
  /** Endpoints from code, ranked below `discovery.endpoints` (DISC-052, DISC-053). */
  defaultEndpoints?: readonly DiscoveryEndpoint[];
  /** `NODE_ENV` is read from here; `process.env` when omitted. */
  env?: { NODE_ENV?: string | undefined };
  /** The SRV lookup; `node:dns` by default. */
  resolveSrv?: SrvResolver;
  /**
   * The port the root HTTP server actually bound, used when `backend.listen` configures port `0`
   * (DISC-023). By default, what the default root HTTP router announced for this `config`.
   */
  boundPort?: () => number | undefined;
}

/**
 * The default discovery service: plugin base URLs from `backend.listen`, `backend.https`,
 * `backend.baseUrl` and `discovery.endpoints`, following configuration changes.
 *
 * Lookups are a map access and a string replace, because callers ask before every request
 * (DISC-010); all validation happens when the configuration is read.
 */
export class HostDiscovery implements DiscoveryService {
  #settings: DiscoverySettings;
  readonly #resolveSrv: SrvResolver;
  readonly #boundPort: () => number | undefined;

  /**
   * @throws DiscoveryError when the configuration is invalid (DISC-030, DISC-031, DISC-051,
   *   DISC-063, DISC-064).
   */
  static fromConfig(config: Config, options: HostDiscoveryOptions): HostDiscovery {
    const { logger, defaultEndpoints = [] } = options;
    const env = options.env ?? process.env;
    const discovery = new HostDiscovery(
      readDiscoverySettings(config, defaultEndpoints),
      options.resolveSrv ?? systemResolveSrv,
      options.boundPort ?? (() => boundPortOf(config)),
    );
    warnAboutLocalhost(discovery.#settings, env, logger);
    config.subscribe?.(() => {
      try {
        discovery.#settings = readDiscoverySettings(config, defaultEndpoints);
        warnAboutLocalhost(discovery.#settings, env, logger);
      } catch (error) {
        // DISC-071: all or nothing, the previous settings stay in force.
        const code = error instanceof DiscoveryError ? error.code : undefined;
        logger.error('Ignoring the changed discovery configuration, keeping the previous one', {
          ...(code ? { code } : {}),
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
    return discovery;
  }

  private constructor(
    settings: DiscoverySettings,
    resolver: SrvResolver,
    boundPort: () => number | undefined,
  ) {
    this.#settings = settings;
    this.#resolveSrv = resolver;
    this.#boundPort = boundPort;
  }

  async getBaseUrl(pluginId: string): Promise<string> {
    const settings = this.#settings;
    const target = lookup(settings.internal, pluginId);
    if (target === undefined) {
      // DISC-023: port 0 means "any free port"; the URL must carry the one the server got. Until
      // the server listens (or when another root router replaced the default), 0 is all we know.
      const bound =
        settings.internalOriginBeforeBoundPort === undefined ? undefined : this.#boundPort();
      const origin =
        bound === undefined
          ? settings.internalOrigin
          : `${settings.internalOriginBeforeBoundPort}${bound}`;
      return `${origin}/api/${encodeURIComponent(pluginId)}`;
    }
    const url = fillTemplate(target.template, pluginId);
    if (target.kind === 'srv') return resolveSrvTarget(url, target.scheme, this.#resolveSrv);
    return stripTrailingSlashes(url);
  }

  async getExternalBaseUrl(pluginId: string): Promise<string> {
    const settings = this.#settings;
    const target = lookup(settings.external, pluginId);
    if (target === undefined) return `${settings.externalBase}/api/${encodeURIComponent(pluginId)}`;
    return stripTrailingSlashes(fillTemplate(target.template, pluginId));
  }
}

function lookup(table: DirectionTable, pluginId: string): DiscoveryTarget | undefined {
  return table.byPlugin.get(pluginId) ?? table.wildcard;
}

function warnAboutLocalhost(
  settings: DiscoverySettings,
  env: { NODE_ENV?: string | undefined },
  logger: LoggerService,
): void {
  if (env.NODE_ENV !== 'production') return;
  if (new URL(settings.externalBase).hostname === 'localhost') {
    logger.warn(
      'backend.baseUrl points at localhost in production; other clients will not be able to reach the backend under that URL',
      { configPath: 'backend.baseUrl' },
    );
  }
}
