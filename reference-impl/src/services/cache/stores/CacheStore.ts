/**
 * Where a cache keeps its entries: strings under already namespaced and encoded keys. A store
 * may reject when it is unavailable; the client turns that into misses (CACHE-072 to CACHE-074).
 */
export interface CacheStore {
  /** The store name used in warnings, such as `memory` or `redis`. */
  readonly name: string;
  get(key: string): Promise<string | undefined>;
  /** Stores `value`; `ttlMs` undefined means no expiry. */
  set(key: string, value: string, ttlMs: number | undefined): Promise<void>;
  delete(key: string): Promise<void>;
  /** Releases connections; the store is not used afterwards. */
  close(): Promise<void>;
}
