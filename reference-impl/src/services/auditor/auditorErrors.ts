/**
 * The errors of the auditor service (spec/docs/services/auditor.md, "Errors"), shaped like the
 * entries of `src/errors/errorCatalog.ts` so they can move there unchanged.
 */
export type AuditorErrorCode =
  'AUDIT_INVALID_SEVERITY' | 'AUDIT_CREDENTIALS_UNRESOLVED' | 'AUDIT_INVALID_SEVERITY_MAPPING';

type Details = {
  value?: string;
  configPath?: string;
  pluginId?: string;
  eventId?: string;
  reason?: string;
};

const catalog: Record<
  AuditorErrorCode,
  { requirement: string; name: string; message: (d: Details) => string; hint: string }
> = {
  AUDIT_INVALID_SEVERITY: {
    requirement: 'AUDIT-005',
    // The caller passed bad input, which Backstage's error middleware answers with 400.
    name: 'InputError',
    message: (d) =>
      `Invalid severity level ${d.value} for audit event '${d.eventId}' of plugin '${d.pluginId}', expected one of low, medium, high, critical`,
    hint: 'Pass one of the four levels, or omit severityLevel for low.',
  },
  AUDIT_CREDENTIALS_UNRESOLVED: {
    requirement: 'AUDIT-031',
    // Keeps the 401 that an unauthenticated request deserves.
    name: 'AuthenticationError',
    message: (d) =>
      `Could not resolve the credentials of the request for audit event '${d.eventId}' of plugin '${d.pluginId}': ${d.reason}`,
    hint: 'Authenticate the request before creating the event, or create the event without request.',
  },
  AUDIT_INVALID_SEVERITY_MAPPING: {
    requirement: 'AUDIT-045',
    name: 'InputError',
    message: (d) =>
      `Invalid config at ${d.configPath}: ${d.value} is not a log level, expected one of debug, info, warn, error`,
    hint: 'Use debug, info, warn or error at the config key named in the error.',
  },
};

/** An error of the auditor service, narrowable by `code`. */
export class AuditorError extends Error {
  override readonly name: string;
  readonly code: AuditorErrorCode;
  readonly requirement: string;
  readonly hint: string;
  readonly configPath: string | undefined;
  readonly pluginId: string | undefined;

  constructor(code: AuditorErrorCode, details: Details, options?: { cause?: unknown }) {
    const entry = catalog[code];
    super(`${entry.message(details)} [${code}, ${entry.requirement}]`, options);
    this.name = entry.name;
    this.code = code;
    this.requirement = entry.requirement;
    this.hint = entry.hint;
    this.configPath = details.configPath;
    this.pluginId = details.pluginId;
  }
}
