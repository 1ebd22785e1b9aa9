/**
 * A duration written as named calendar and clock units, for example `{ minutes: 5 }`.
 *
 * **When to use**: for time-to-live values of the cache, for scheduler frequencies, timeouts and
 * initial delays, and for durations in configuration.
 *
 * **Details**: every unit is optional and the units add up, so `{ hours: 1, minutes: 30 }` is
 * ninety minutes. Months and years are calendar units whose length an implementation converts
 * with a fixed rule that the service chapter states. The shape is the same as `HumanDuration` of
 * `@backstage/types`. A luxon `Duration` object exposes these unit fields too, which is why
 * Backstage's scheduler types, which accept luxon durations, are assignable to the scheduler
 * types of this specification.
 *
 * @example
 * ```ts
 * const ttl: HumanDuration = { hours: 1, minutes: 30 };
 * ```
 *
 * @requirement CACHE-042
 * @requirement SCHED-021
 * @category services
 * @since 0.1.0
 */
export type HumanDuration = {
  /** Whole or fractional years. */
  years?: number;
  /** Whole or fractional months. */
  months?: number;
  /** Whole or fractional weeks. */
  weeks?: number;
  /** Whole or fractional days. */
  days?: number;
  /** Whole or fractional hours. */
  hours?: number;
  /** Whole or fractional minutes. */
  minutes?: number;
  /** Whole or fractional seconds. */
  seconds?: number;
  /** Milliseconds. */
  milliseconds?: number;
};
