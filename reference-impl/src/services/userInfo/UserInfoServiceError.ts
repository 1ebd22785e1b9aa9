import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** The catalog codes of the `userInfo` chapter (spec/docs/services/user-info.md, "Errors"). */
export type UserInfoErrorCode = Extract<ErrorCode, `UINFO_${string}`>;

/**
 * An error of the `userInfo` service, narrowable by `code`. Its message template, requirement,
 * hint and `name` come from the error catalog (`src/errors/errorCatalog.ts`): wrong arguments are `InputError` (400),
 * a failed lookup `ResponseError`, problems of the identity provider's tokens plain errors (500).
 */
export class UserInfoServiceError<
  C extends UserInfoErrorCode = UserInfoErrorCode,
> extends OpenstageError<C> {
  /** For `UINFO_LOOKUP_FAILED`: the status the auth backend answered with. */
  declare readonly statusCode?: number;
  /** For `UINFO_LOOKUP_FAILED`: the body of that answer. */
  declare readonly body?: string;

  constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
    if (this.name === 'OpenstageError') this.name = 'Error';
    const lookup = details as { statusCode?: number; body?: string };
    for (const key of ['statusCode', 'body'] as const) {
      if (lookup[key] !== undefined)
        Object.defineProperty(this, key, { value: lookup[key], enumerable: true });
    }
  }
}
