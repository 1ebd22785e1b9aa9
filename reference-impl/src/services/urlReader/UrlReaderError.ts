import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** The catalog codes the urlReader service raises (spec/docs/services/url-reader.md, "Errors"). */
export type UrlReaderErrorCode = Extract<ErrorCode, `URL_${string}`>;

/** The culprit fields of a urlReader error with code `C` (the URL, config key, status, ...). */
export type UrlReaderErrorDetails<C extends UrlReaderErrorCode = UrlReaderErrorCode> =
  ErrorDetails<C>;

/**
 * An error of the urlReader service, narrowable by `code`. Its requirement, hint and `name` come
 * from the error catalog (`src/errors/errorCatalog.ts`): the Backstage error class the chapter
 * names (`NotAllowedError`, `NotModifiedError`, `NotFoundError`, `InputError`), which HTTP error
 * handlers map to a status. The catalog words the message from the culprit fields in `details`
 * (the URL, the config key, the server's status).
 */
export class UrlReaderError<
  C extends UrlReaderErrorCode = UrlReaderErrorCode,
> extends OpenstageError<C> {
  declare readonly url: string | undefined;
  readonly status: number | undefined;

  constructor(code: C, details: UrlReaderErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
    const culprit = details as { url?: string; status?: number };
    this.status = culprit.status;
    if (culprit.url !== undefined)
      Object.defineProperty(this, 'url', { value: culprit.url, enumerable: true });
  }
}

/** Whether `error` is a urlReader error, optionally with the given code. */
export function isUrlReaderError(
  error: unknown,
  code?: UrlReaderErrorCode,
): error is UrlReaderError {
  return error instanceof UrlReaderError && (code === undefined || error.code === code);
}
