import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** The catalog codes the cache service raises (spec/docs/services/cache.md, "Errors"). */
export type CacheErrorCode = Extract<ErrorCode, `CACHE_${string}`>;

/**
 * The culprit fields of a cache error with code `C`: the plugin whose call was rejected (absent
 * for configuration problems), the config key the offending value was read from, and the value.
 */
export type CacheErrorDetails<C extends CacheErrorCode = CacheErrorCode> = ErrorDetails<C>;

/**
 * An error of the cache service, narrowable by `code`. Its requirement, hint and message
 * template come from the error catalog (`src/errors/errorCatalog.ts`), which names the plugin or
 * config path given in `details`.
 */
export class CacheError<C extends CacheErrorCode = CacheErrorCode> extends OpenstageError<C> {
  override readonly name = 'CacheError';

  constructor(code: C, details: CacheErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
  }
}
