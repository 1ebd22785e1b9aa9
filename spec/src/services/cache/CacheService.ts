import type { JsonValue } from '../../json/JsonValue.js';
import type { CacheServiceOptions } from './CacheServiceOptions.js';
import type { CacheServiceSetOptions } from './CacheServiceSetOptions.js';

/**
 * The `cache` service (`core.cache`, plugin scope): a key-value cache of JSON values, isolated
 * per plugin.
 *
 * **When to use**: to keep results that are expensive to compute and cheap to lose; never as
 * the only copy of data.
 *
 * **Details**: entries may disappear at any time before their TTL. Keys of one plugin never see
 * entries of another. The members are function-typed properties, so an implementation that
 * narrows what it accepts is rejected by the type checker.
 *
 * @requirement CACHE-001
 * @requirement CACHE-021
 * @requirement CACHE-022
 * @requirement CACHE-023
 * @requirement CACHE-024
 * @requirement CACHE-031
 * @requirement CACHE-032
 * @requirement CACHE-033
 * @see {@link CacheServiceSetOptions}
 * @see {@link CacheServiceOptions}
 * @category services
 * @since 0.1.0
 */
export interface CacheService {
  /**
   * The value stored under `key`, or `undefined` when there is none or it expired.
   *
   * @requirement CACHE-002
   * @requirement CACHE-011
   * @requirement CACHE-012
   * @requirement CACHE-014
   */
  get: <TValue extends JsonValue>(key: string) => Promise<TValue | undefined>;
  /**
   * Stores `value` under `key`, replacing any previous value.
   *
   * @requirement CACHE-003
   * @requirement CACHE-004
   * @requirement CACHE-013
   * @requirement CACHE-015
   * @requirement CACHE-043
   * @requirement CACHE-050
   */
  set: (key: string, value: JsonValue, options?: CacheServiceSetOptions) => Promise<void>;
  /**
   * Removes the entry under `key`, if any.
   *
   * @requirement CACHE-005
   * @requirement CACHE-006
   */
  delete: (key: string) => Promise<void>;
  /**
   * A client over the same entries with other defaults.
   *
   * @requirement CACHE-007
   * @requirement CACHE-008
   * @requirement CACHE-009
   * @requirement CACHE-051
   */
  withOptions: (options: CacheServiceOptions) => CacheService;
}
