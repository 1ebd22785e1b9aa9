import type { ErrorCode } from '@openstage/spec';

/** The catalog codes the cache service raises (spec/docs/services/cache.md, "Errors"). */
export type CacheErrorCode = Extract<ErrorCode, `CACHE_${string}`>;

/** The culprit fields of a cache error. */
export interface CacheErrorDetails {
  /** The plugin whose cache call was rejected; absent for configuration problems. */
  pluginId?: string;
  /** The configuration key the offending value was read from. */
  configPath?: string;
}

/**
 * An error of the cache service, narrowable by `code`.
 *
 * It lives here rather than in `src/errors/errorCatalog.ts` because the catalog does not yet hold
 * the `CACHE_*` codes; when it does, this class can be replaced by `OpenstageError` without
 * changing `code`, `pluginId` or `configPath`, which are the stable parts.
 */
export class CacheError extends Error {
  override readonly name = 'CacheError';
  readonly code: CacheErrorCode;
  readonly pluginId: string | undefined;
  readonly configPath: string | undefined;

  constructor(
    code: CacheErrorCode,
    message: string,
    details: CacheErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(`${message} [${code}]`, options);
    this.code = code;
    this.pluginId = details.pluginId;
    this.configPath = details.configPath;
  }
}
