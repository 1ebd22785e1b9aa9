import type { HumanDuration } from '../../time/HumanDuration.js';

/**
 * Options of `CacheService.withOptions`.
 *
 * **When to use**: to derive a client whose entries expire by default.
 *
 * @requirement CACHE-041
 * @requirement CACHE-042
 * @requirement CACHE-043
 * @requirement CACHE-044
 * @requirement CACHE-051
 * @see {@link CacheService}
 * @category services
 * @since 0.1.0
 */
export type CacheServiceOptions = {
  /** The default time to live of entries, in milliseconds or as a duration. */
  defaultTtl?: number | HumanDuration;
};
