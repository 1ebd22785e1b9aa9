import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorDetails } from '../../errors/errorCatalog.js';

/** The codes of the auditor service (spec/docs/services/auditor.md, "Errors"). */
export type AuditorErrorCode =
  'AUDIT_INVALID_SEVERITY' | 'AUDIT_CREDENTIALS_UNRESOLVED' | 'AUDIT_INVALID_SEVERITY_MAPPING';

/**
 * An error of the auditor service, narrowable by `code`. Its entries live in the error catalog
 * (`src/errors/errorCatalog.ts`), which names bad input `InputError` (400) and unresolved
 * credentials `AuthenticationError` (401).
 */
export class AuditorError<C extends AuditorErrorCode = AuditorErrorCode> extends OpenstageError<C> {
  constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
  }
}
