import { UrlReaderError } from './UrlReaderError.js';

/** The config key of the largest archive body the plain HTTP reader reads (URL-099). */
export const MAX_ARCHIVE_BYTES_KEY = 'backend.reading.maxArchiveBytes';
/** The config key of the largest total unpacked size of one archive (URL-101). */
export const MAX_UNPACKED_BYTES_KEY = 'backend.reading.maxUnpackedBytes';

/** 64 MiB (URL-103). */
export const DEFAULT_MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
/** 512 MiB (URL-104). */
export const DEFAULT_MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

/** How much of an archive one `readTree` or `search` call of the plain HTTP reader may take. */
export interface ArchiveLimits {
  /** The largest response body, in bytes. */
  readonly maxArchiveBytes: number;
  /** The largest sum of the sizes of the archive's regular files, in bytes. */
  readonly maxUnpackedBytes: number;
}

function parseLimit(configPath: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw new UrlReaderError('URL_INVALID_ARCHIVE_LIMIT', {
    configPath,
    value: typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value)),
  });
}

/**
 * Reads the archive size limits from their raw config values, defaulting unset ones (URL-103,
 * URL-104) and failing on anything but a positive integer, naming the key (URL-105). The schema
 * says the same, but config need not have been validated against it.
 */
export function parseArchiveLimits(values: {
  maxArchiveBytes?: unknown;
  maxUnpackedBytes?: unknown;
}): ArchiveLimits {
  return {
    maxArchiveBytes: parseLimit(
      MAX_ARCHIVE_BYTES_KEY,
      values.maxArchiveBytes,
      DEFAULT_MAX_ARCHIVE_BYTES,
    ),
    maxUnpackedBytes: parseLimit(
      MAX_UNPACKED_BYTES_KEY,
      values.maxUnpackedBytes,
      DEFAULT_MAX_UNPACKED_BYTES,
    ),
  };
}
