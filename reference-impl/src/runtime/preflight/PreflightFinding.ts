import type { Culprit, ValidationFinding, ValidationReport } from '@openstage/spec';
import type { ErrorCode } from '../../errors/errorCatalog.js';

/**
 * The identifiers that name what has to change: the spec's `Culprit`, the
 * same names the error for the same condition carries (BACK-062, INIT-113).
 */
export type FindingCulprit = Culprit;

/**
 * One problem found by preflight validation, before anything ran.
 * `error` findings refuse startup unless the boot-failure policy allows the
 * failure of the plugin or module they concern; `warning` findings are logged.
 */
export interface PreflightFinding extends ValidationFinding {
  /** Narrowed to the codes this implementation raises. */
  code: ErrorCode;
  /** The requirement the finding enforces, e.g. `BACK-028`. */
  requirement: string;
  /** The thrown error or rejection reason behind the finding (BACK-097). */
  cause?: unknown;
}

/** What `validate()` resolves to: the spec's report, with our findings. */
export interface ValidationResult extends ValidationReport {
  findings: PreflightFinding[];
}
