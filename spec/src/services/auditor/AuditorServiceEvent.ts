import type { JsonObject } from '../../json/JsonObject.js';

/**
 * An audit event that has been started and must be concluded with `success` or `fail`.
 *
 * **When to use**: returned by `auditor.createEvent`; call exactly one of its members when the
 * operation ends.
 *
 * @requirement AUDIT-007
 * @requirement AUDIT-008
 * @requirement AUDIT-009
 * @requirement AUDIT-012
 * @see {@link AuditorService}
 * @category services
 * @since 0.1.0
 */
export type AuditorServiceEvent = {
  /**
   * Records that the operation succeeded.
   *
   * @requirement AUDIT-007
   * @requirement AUDIT-009
   * @requirement AUDIT-010
   */
  success: (options?: { meta?: JsonObject }) => Promise<void>;
  /**
   * Records that the operation failed with `error`.
   *
   * @requirement AUDIT-008
   * @requirement AUDIT-009
   * @requirement AUDIT-010
   */
  fail: (options: { meta?: JsonObject; error: Error }) => Promise<void>;
};
