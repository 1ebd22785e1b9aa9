import type { PreflightFinding } from '../../runtime/preflight/PreflightFinding.js';
import type { CliFinding } from './CliFinding.js';
import { culpritOf } from './culpritOf.js';

/** The runtime's preflight findings as the command line prints them. */
export function findingsOfValidation(findings: readonly PreflightFinding[]): CliFinding[] {
  return findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity === 'warning' ? 'warning' : 'error',
    message: finding.message,
    hint: finding.hint,
    culprit: culpritOf(finding),
  }));
}
