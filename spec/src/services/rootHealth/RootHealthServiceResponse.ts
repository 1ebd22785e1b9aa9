import type { JsonValue } from '../../json/JsonValue.js';

/**
 * The answer of a liveness or readiness check: an HTTP status code and an optional JSON body.
 *
 * **When to use**: as the result of `RootHealthService.getLiveness` and `getReadiness`.
 *
 * @requirement HLTH-002
 * @see {@link RootHealthService}
 * @category services
 * @since 0.1.0
 */
export interface RootHealthServiceResponse {
  /** The HTTP status code to answer with, such as 200 or 503. */
  status: number;
  /** The JSON body to answer with. */
  payload?: JsonValue;
}
