/**
 * The errors of the default root logger (spec/docs/services/logger.md, "Errors").
 *
 * These entries have the same shape as `reference-impl/src/errors/errorCatalog.ts`
 * (requirement, message naming the culprit, hint) so they can move there unchanged once the
 * catalog takes service codes.
 */
export type RootLoggerErrorCode =
  'LOG_INVALID_LEVEL' | 'LOG_INVALID_OVERRIDE_LEVEL' | 'LOG_INVALID_OVERRIDE_MATCHERS';

type Details = { configPath: string; value: string };

const catalog: Record<
  RootLoggerErrorCode,
  { requirement: string; message: (d: Details) => string; hint: string }
> = {
  LOG_INVALID_LEVEL: {
    requirement: 'LOG-017',
    message: (d) =>
      `Invalid log level ${d.value} in ${d.configPath}, expected one of error, warn, info, debug`,
    hint: 'Set one of the four levels.',
  },
  LOG_INVALID_OVERRIDE_LEVEL: {
    requirement: 'LOG-030',
    message: (d) =>
      `Invalid config at ${d.configPath}: ${d.value} is not one of error, warn, info, debug`,
    hint: 'Give every override one of the four levels.',
  },
  LOG_INVALID_OVERRIDE_MATCHERS: {
    requirement: 'LOG-031',
    message: (d) =>
      `Invalid config at ${d.configPath}: expected a mapping of field names to matchers, got ${d.value}`,
    hint: 'Add a matchers mapping of field names to matchers.',
  },
};

/** An error of the default root logger, narrowable by `code`; `configPath` names the culprit. */
export class RootLoggerError extends Error {
  override readonly name = 'RootLoggerError';
  readonly code: RootLoggerErrorCode;
  readonly configPath: string;
  readonly requirement: string;
  readonly hint: string;

  constructor(code: RootLoggerErrorCode, details: Details) {
    const entry = catalog[code];
    super(`${entry.message(details)} [${code}, ${entry.requirement}]`);
    this.code = code;
    this.configPath = details.configPath;
    this.requirement = entry.requirement;
    this.hint = entry.hint;
  }
}

/** Renders a config value for an error message, without ever throwing. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
