import type { AuditorServiceCreateEventOptions } from './AuditorServiceCreateEventOptions.js';
import type { AuditorServiceEvent } from './AuditorServiceEvent.js';

/**
 * The `auditor` service (`core.auditor`, plugin scope): records who did what, for security
 * review.
 *
 * **When to use**: around operations that read sensitive data or change state: create the event
 * when the operation begins, then conclude it.
 *
 * **Details**: `createEvent` records the start of the operation. Its options may carry the HTTP
 * framework's request object; the member is typed through a method signature so that express's
 * request type and {@link HttpRequest} are accepted in both directions (see
 * {@link HttpRequestHandler}).
 *
 * @requirement AUDIT-001
 * @requirement AUDIT-011
 * @requirement AUDIT-012
 * @requirement AUDIT-013
 * @see {@link AuditorServiceEvent}
 * @category services
 * @since 0.1.0
 */
export interface AuditorService {
  /**
   * Starts an audit event.
   *
   * @requirement AUDIT-002
   * @requirement AUDIT-003
   * @requirement AUDIT-004
   * @requirement AUDIT-005
   * @requirement AUDIT-006
   * @requirement AUDIT-010
   */
  createEvent: {
    createEvent(options: AuditorServiceCreateEventOptions): Promise<AuditorServiceEvent>;
  }['createEvent'];
}
