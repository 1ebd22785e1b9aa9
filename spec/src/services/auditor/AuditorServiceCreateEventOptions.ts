import type { HttpRequest } from '../../http/HttpRequest.js';
import type { JsonObject } from '../../json/JsonObject.js';
import type { AuditorServiceEventSeverityLevel } from './AuditorServiceEventSeverityLevel.js';

/**
 * Options of `AuditorService.createEvent`: what is being audited.
 *
 * **When to use**: when an operation that must leave an audit trail begins.
 *
 * @requirement AUDIT-002
 * @requirement AUDIT-004
 * @requirement AUDIT-011
 * @requirement AUDIT-013
 * @see {@link AuditorService}
 * @category services
 * @since 0.1.0
 */
export type AuditorServiceCreateEventOptions = {
  /**
   * The kind of operation, in kebab-case, such as `entity-fetch`. The plugin id is added by the
   * service, so it does not belong here.
   */
  eventId: string;
  /** The operation's sensitivity; `'low'` when omitted. */
  severityLevel?: AuditorServiceEventSeverityLevel;
  /** The HTTP request that triggered the operation, from which the actor is taken. */
  request?: HttpRequest;
  /** Extra fields describing the operation. */
  meta?: JsonObject;
};
