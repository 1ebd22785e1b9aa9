import type { ErrorCode } from '@openstage/spec';

/** The catalog codes the urlReader service raises (spec/docs/services/url-reader.md, "Errors"). */
export type UrlReaderErrorCode = Extract<ErrorCode, `URL_${string}`>;

/** The Backstage error class name each code is raised as, so `error.name` checks keep working. */
const ERROR_NAMES: Readonly<Record<UrlReaderErrorCode, string>> = {
  URL_NOT_ALLOWED: 'NotAllowedError',
  URL_NOT_MODIFIED: 'NotModifiedError',
  URL_NOT_FOUND: 'NotFoundError',
  URL_READ_FAILED: 'Error',
  URL_INVALID_URL: 'InputError',
  URL_UNSAFE_PATH: 'NotAllowedError',
  URL_INVALID_ALLOW_ENTRY: 'InputError',
  URL_UNSUPPORTED_OPERATION: 'NotImplementedError',
  URL_INVALID_WORKING_DIRECTORY: 'Error',
};

/** The culprit fields of a urlReader error. */
export interface UrlReaderErrorDetails {
  /** The URL the call was about. */
  url?: string;
  /** The configuration key involved, such as `backend.reading.allow`. */
  configPath?: string;
  /** The HTTP status the server answered with, for URL_READ_FAILED. */
  status?: number;
}

/**
 * An error of the urlReader service, narrowable by `code`; `name` is the Backstage error class the
 * chapter names (`NotAllowedError`, `NotModifiedError`, `NotFoundError`, `InputError`).
 *
 * It lives here rather than in `src/errors/errorCatalog.ts` because the catalog does not yet hold
 * the `URL_*` codes; when it does, this class can be replaced by `OpenstageError`.
 */
export class UrlReaderError extends Error {
  override readonly name: string;
  readonly code: UrlReaderErrorCode;
  readonly url: string | undefined;
  readonly configPath: string | undefined;
  readonly status: number | undefined;

  constructor(
    code: UrlReaderErrorCode,
    message: string,
    details: UrlReaderErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(`${message} [${code}]`, options);
    this.name = ERROR_NAMES[code];
    this.code = code;
    this.url = details.url;
    this.configPath = details.configPath;
    this.status = details.status;
  }
}

/** Whether `error` is a urlReader error, optionally with the given code. */
export function isUrlReaderError(
  error: unknown,
  code?: UrlReaderErrorCode,
): error is UrlReaderError {
  return error instanceof UrlReaderError && (code === undefined || error.code === code);
}
