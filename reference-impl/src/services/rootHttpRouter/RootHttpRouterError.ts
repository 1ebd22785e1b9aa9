import type { ErrorCode } from '@openstage/spec';

/** What each code of this service names, and the requirement that defines it. */
const catalog = {
  RHTTP_EMPTY_PATH: 'RHTTP-004',
  RHTTP_PATH_CONFLICT: 'RHTTP-005',
  RHTTP_INVALID_INDEX_PATH: 'RHTTP-014',
  RHTTP_LISTEN_FAILED: 'RHTTP-016',
  RHTTP_INVALID_LISTEN_ADDRESS: 'RHTTP-022',
  RHTTP_INVALID_BASE_URL: 'RHTTP-027',
  RHTTP_INVALID_CERTIFICATE: 'RHTTP-031',
  RHTTP_INVALID_CSP: 'RHTTP-048',
  RHTTP_INVALID_REFERRER_POLICY: 'RHTTP-050',
  RCFG_MISSING_VALUE: 'RHTTP-026',
  CONF_INVALID_DURATION: 'RHTTP-035',
  HLTH_INVALID_HEADER: 'HLTH-008',
} as const;

/** The codes the default `rootHttpRouter` factory and its router raise. */
export type RootHttpRouterErrorCode = keyof typeof catalog;

// Every local code must be a code of the spec's catalog; this fails to compile otherwise.
type AssertSpecCodes<T extends ErrorCode> = T;
export type RootHttpRouterSpecErrorCode = AssertSpecCodes<RootHttpRouterErrorCode>;

/**
 * An error of the default `rootHttpRouter`: a bad mount path, or a configuration value the
 * factory cannot use.
 *
 * `code` is the stable contract; `configPath` names the offending key when there is one. The
 * message names the culprit and ends with the code and requirement.
 *
 * TODO(lead): move these codes into reference-impl/src/errors/errorCatalog.ts once service codes
 * live there; the shape (`code`, `requirement`, `configPath`, `cause`) stays the same.
 */
export class RootHttpRouterError<
  C extends RootHttpRouterErrorCode = RootHttpRouterErrorCode,
> extends Error {
  override readonly name = 'RootHttpRouterError';
  readonly code: C;
  readonly requirement: string;
  readonly configPath?: string;

  constructor(code: C, message: string, options?: { configPath?: string; cause?: unknown }) {
    const requirement = catalog[code];
    super(
      `${message} [${code}, ${requirement}]`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.requirement = requirement;
    if (options?.configPath !== undefined) this.configPath = options.configPath;
  }
}

/** Whether `error` is a `rootHttpRouter` error, optionally of the given code. */
export function isRootHttpRouterError<C extends RootHttpRouterErrorCode>(
  error: unknown,
  code?: C,
): error is RootHttpRouterError<C> {
  return error instanceof RootHttpRouterError && (code === undefined || error.code === code);
}
