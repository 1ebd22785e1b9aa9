import type { ErrorCode } from '@openstage/spec';

const catalog = {
  HTTP_INVALID_HANDLER: 'HTTP-005',
  HTTP_INVALID_AUTH_POLICY: 'HTTP-007',
  HTTP_INVALID_AUTH_POLICY_PATH: 'HTTP-008',
  CONF_INVALID_DURATION: 'HTTP-017',
} as const;

/** The codes the default `httpRouter` raises. */
export type HttpRouterErrorCode = keyof typeof catalog;

// Every local code must be a code of the spec's catalog; this fails to compile otherwise.
type AssertSpecCodes<T extends ErrorCode> = T;
export type HttpRouterSpecErrorCode = AssertSpecCodes<HttpRouterErrorCode>;

/**
 * An error of the default `httpRouter`: a bad argument to `use` or `addAuthPolicy`, naming the
 * plugin, or a bad configuration value, naming its path.
 *
 * TODO(lead): move these codes into reference-impl/src/errors/errorCatalog.ts once service codes
 * live there; the shape (`code`, `requirement`, `pluginId`, `configPath`) stays the same.
 */
export class HttpRouterError<C extends HttpRouterErrorCode = HttpRouterErrorCode> extends Error {
  override readonly name = 'HttpRouterError';
  readonly code: C;
  readonly requirement: string;
  readonly pluginId?: string;
  readonly configPath?: string;

  constructor(
    code: C,
    message: string,
    culprit: { pluginId?: string; configPath?: string; cause?: unknown } = {},
  ) {
    const requirement = catalog[code];
    super(
      `${message} [${code}, ${requirement}]`,
      culprit.cause === undefined ? undefined : { cause: culprit.cause },
    );
    this.code = code;
    this.requirement = requirement;
    if (culprit.pluginId !== undefined) this.pluginId = culprit.pluginId;
    if (culprit.configPath !== undefined) this.configPath = culprit.configPath;
  }
}

/** Whether `error` is an `httpRouter` error, optionally of the given code. */
export function isHttpRouterError<C extends HttpRouterErrorCode>(
  error: unknown,
  code?: C,
): error is HttpRouterError<C> {
  return error instanceof HttpRouterError && (code === undefined || error.code === code);
}
