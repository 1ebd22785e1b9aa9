/**
 * Codes the harness raises. `CLS_*` codes come from spec/docs/01-conformance.md; `CONF_HARNESS_*`
 * codes are the suite's own (bad adapter module, bad CLI arguments, bad fixture) and are not part
 * of the specification's catalog.
 */
export type HarnessErrorCode =
  | 'CLS_UNKNOWN_CAPABILITY'
  | 'CLS_MANIFEST_CHANGED'
  | 'CLS_EXPECTATION_WITHOUT_REASON'
  | 'CLS_UNEXPECTED_PASS'
  | 'CLS_MUST_EXPECTED_TO_FAIL'
  | 'CLS_SPEC_VERSION_MISMATCH'
  | 'CONF_HARNESS_INVALID_ADAPTER'
  | 'CONF_HARNESS_ADAPTER_NOT_FOUND'
  | 'CONF_HARNESS_INVALID_ARGUMENT'
  | 'CONF_HARNESS_INVALID_EXPECTATIONS'
  | 'CONF_HARNESS_INVALID_FIXTURE'
  | 'CONF_HARNESS_INVALID_TEST';

/** An error of the harness itself, never of the implementation under test. */
export class HarnessError extends Error {
  readonly code: HarnessErrorCode;

  constructor(code: HarnessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarnessError';
    this.code = code;
  }
}
