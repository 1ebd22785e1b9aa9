import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
  AuditorServiceEvent,
  AuditorServiceEventSeverityLevel,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  HttpRequest,
  JsonObject,
  LoggerService,
} from '@openstage/spec';
import { AuditorError } from './auditorErrors.js';
import {
  DEFAULT_SEVERITY_LOG_LEVEL_MAPPINGS,
  type SeverityLogLevelMappings,
} from './readSeverityLogLevelMappings.js';

/** Dependencies of {@link DefaultAuditorService}. */
export interface DefaultAuditorServiceOptions {
  pluginId: string;
  /** The plugin's logger; records go through its `child({ isAuditEvent: true })` (AUDIT-040). */
  logger: LoggerService;
  httpAuth: Pick<HttpAuthService, 'credentials'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  severityLogLevelMappings?: SeverityLogLevelMappings;
}

const SEVERITIES = new Set<unknown>(['low', 'medium', 'high', 'critical']);

/** What Express adds to a request, read when present. */
interface RequestExtras {
  ip?: unknown;
  hostname?: unknown;
  originalUrl?: unknown;
  socket?: { remoteAddress?: unknown };
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function actorOf(credentials: BackstageCredentials, request: HttpRequest | undefined): JsonObject {
  const principal = credentials.principal as
    { type?: string; userEntityRef?: string; subject?: string } | undefined;
  const actor: JsonObject = {};
  // AUDIT-024, AUDIT-025
  if (principal?.type === 'user' && principal.userEntityRef)
    actor['actorId'] = principal.userEntityRef;
  else if (principal?.type === 'service' && principal.subject) actor['actorId'] = principal.subject;
  if (request) {
    // AUDIT-028
    const extras = request as HttpRequest & RequestExtras;
    const ip = str(extras.ip) ?? str(extras.socket?.remoteAddress);
    const hostname = str(extras.hostname) ?? str(request.headers['host']);
    const userAgent = str(request.headers['user-agent']);
    if (ip) actor['ip'] = ip;
    if (hostname) actor['hostname'] = hostname;
    if (userAgent) actor['userAgent'] = userAgent;
  }
  return actor;
}

/**
 * The default auditor: every event becomes log entries on the plugin's logger, marked
 * `isAuditEvent: true` and written at the level configured for the event's severity. Because
 * they are ordinary entries of the root logger, they are redacted like any other (AUDIT-046).
 */
export class DefaultAuditorService implements AuditorService {
  readonly #pluginId: string;
  readonly #logger: LoggerService;
  readonly #httpAuth: DefaultAuditorServiceOptions['httpAuth'];
  readonly #auth: DefaultAuditorServiceOptions['auth'];
  readonly #levels: SeverityLogLevelMappings;

  constructor(options: DefaultAuditorServiceOptions) {
    this.#pluginId = options.pluginId;
    this.#logger = options.logger.child({ isAuditEvent: true });
    this.#httpAuth = options.httpAuth;
    this.#auth = options.auth;
    this.#levels = options.severityLogLevelMappings ?? DEFAULT_SEVERITY_LOG_LEVEL_MAPPINGS;
  }

  async createEvent(options: AuditorServiceCreateEventOptions): Promise<AuditorServiceEvent> {
    const { eventId, request } = options;
    const severityLevel: AuditorServiceEventSeverityLevel = options.severityLevel ?? 'low'; // AUDIT-004
    if (!SEVERITIES.has(severityLevel)) {
      throw new AuditorError('AUDIT_INVALID_SEVERITY', {
        value: JSON.stringify(severityLevel),
        eventId,
        pluginId: this.#pluginId,
      });
    }
    let credentials: BackstageCredentials;
    if (request) {
      try {
        credentials = await this.#httpAuth.credentials(request); // AUDIT-026
      } catch (cause) {
        throw new AuditorError(
          'AUDIT_CREDENTIALS_UNRESOLVED',
          {
            eventId,
            pluginId: this.#pluginId,
            reason: cause instanceof Error ? cause.message : String(cause),
          },
          { cause },
        );
      }
    } else {
      credentials = await this.#auth.getOwnServiceCredentials(); // AUDIT-027
    }

    const common: JsonObject = {
      plugin: this.#pluginId,
      eventId,
      severityLevel,
      actor: actorOf(credentials, request),
    };
    if (request) {
      const extras = request as HttpRequest & RequestExtras;
      // AUDIT-029: the URL as the client sent it, not the one relative to a mount point.
      common['request'] = {
        url: str(extras.originalUrl) ?? request.url ?? '',
        method: request.method ?? '',
      };
    }
    const baseMeta = options.meta ?? {};
    const level = this.#levels[severityLevel];
    const message = `${this.#pluginId}.${eventId}`; // AUDIT-041

    const write = (
      status: 'initiated' | 'succeeded' | 'failed',
      meta: JsonObject,
      error?: Error,
    ): void => {
      const record: JsonObject = { ...common, status };
      // AUDIT-009, AUDIT-030
      if (Object.keys(meta).length > 0) record['meta'] = meta;
      if (error !== undefined) record['error'] = String(error); // AUDIT-023
      this.#logger[level](message, record);
    };

    write('initiated', baseMeta); // AUDIT-006
    return {
      success: async (opts) => write('succeeded', { ...baseMeta, ...opts?.meta }), // AUDIT-007
      fail: async (opts) => write('failed', { ...baseMeta, ...opts.meta }, opts.error), // AUDIT-008
    };
  }
}
