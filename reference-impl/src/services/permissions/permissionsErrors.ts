import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorDetails } from '../../errors/errorCatalog.js';

/** The codes of the permissions service (spec/docs/services/permissions.md, "Errors"). */
export type PermissionsErrorCode = 'PERM_BACKEND_ERROR' | 'PERM_INVALID_RESPONSE';

/** An error of the permissions service, narrowable by `code`; entries live in the error catalog. */
export class PermissionsError<
  C extends PermissionsErrorCode = PermissionsErrorCode,
> extends OpenstageError<C> {
  override readonly name = 'PermissionsError';
  /** The HTTP status of the permission backend's answer, for `PERM_BACKEND_ERROR`. */
  readonly status: number | undefined;

  constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
    this.status = (details as { status?: number }).status;
  }
}
