import type { AuditorService } from '../services/auditor/AuditorService.js';
import type { AuditorServiceCreateEventOptions } from '../services/auditor/AuditorServiceCreateEventOptions.js';

/**
 * The fake of `mockServices.auditor`: records every audit event and how it ended.
 *
 * **When to use**: to assert that a plugin audits an operation.
 *
 * @requirement TEST-090
 * @see {@link MockServices}
 * @category testing
 * @since 0.1.0
 */
export type MockAuditorService = AuditorService & {
  /** Every event created, in creation order. */
  events: Array<{
    /** The options the event was created with. */
    options: AuditorServiceCreateEventOptions;
    /** `'initiated'` until `success` or `fail` is called. */
    status: 'initiated' | 'succeeded' | 'failed';
    /** The error given to `fail`. */
    error?: Error;
  }>;
};
