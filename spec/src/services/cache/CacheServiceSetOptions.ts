import type { HumanDuration } from '../../time/HumanDuration.js';

/**
 * Options of `CacheService.set`.
 *
 * **When to use**: to give one entry its own time to live.
 *
 * @requirement CACHE-041
 * @requirement CACHE-042
 * @requirement CACHE-043
 * @requirement CACHE-050
 * @see {@link CacheService}
 * @category services
 * @since 0.1.0
 */
export type CacheServiceSetOptions = {
  /**
   * How long the entry lives, in milliseconds or as a duration. Defaults to the client's default
   * TTL, or no expiry when there is none.
   */
  ttl?: number | HumanDuration;
};
