import type {
  LoggerService,
  RootConfigService,
  UrlReaderFactory,
  UrlReaderPredicateTuple,
} from '@openstage/spec';
import { FetchUrlReader } from './FetchUrlReader.js';
import { ALLOW_LIST_KEY, parseAllowList } from './parseAllowList.js';
import {
  MAX_ARCHIVE_BYTES_KEY,
  MAX_UNPACKED_BYTES_KEY,
  parseArchiveLimits,
} from './parseArchiveLimits.js';
import { WORKING_DIRECTORY_KEY } from './tree/resolveWorkingDirectory.js';
import { createTreeResponseFactory, type TreeResponseFactory } from './tree/TreeResponseFactory.js';

function isTuple(value: unknown): value is UrlReaderPredicateTuple {
  if (typeof value !== 'object' || value === null) return false;
  const { reader, predicate } = value as Partial<UrlReaderPredicateTuple>;
  return (
    typeof predicate === 'function' &&
    typeof reader === 'object' &&
    reader !== null &&
    typeof reader.readUrl === 'function' &&
    typeof reader.readTree === 'function' &&
    typeof reader.search === 'function'
  );
}

/**
 * The readers of a plugin's `urlReader`, in the order they are asked: those of the contributed
 * factories, in registration order (URL-032, URL-033, URL-072 to URL-074), then the plain HTTP
 * reader over `backend.reading.allow`, bounded by `backend.reading.maxArchiveBytes` and
 * `backend.reading.maxUnpackedBytes`. Fails on a malformed value of any of those keys, naming it
 * (URL-050, URL-105).
 */
export function buildUrlReaders(options: {
  config: RootConfigService;
  logger: LoggerService;
  factories: readonly UrlReaderFactory[];
  /** Replaces the default tree response factory over `backend.workingDirectory`. */
  treeResponseFactory?: TreeResponseFactory;
}): UrlReaderPredicateTuple[] {
  const { config, logger, factories } = options;
  const treeResponseFactory =
    options.treeResponseFactory ??
    createTreeResponseFactory({
      workingDirectory: config.getOptional<unknown>(WORKING_DIRECTORY_KEY),
    });
  const readers: UrlReaderPredicateTuple[] = [];
  factories.forEach((factory, index) => {
    let tuples: unknown;
    try {
      tuples = factory({ config, logger, treeResponseFactory });
    } catch (cause) {
      throw new Error(
        `Reader factory #${index + 1} of core.urlReader.factories threw: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
    }
    if (!Array.isArray(tuples) || !tuples.every(isTuple)) {
      throw new Error(
        `Reader factory #${index + 1} of core.urlReader.factories must return an array of { reader, predicate } pairs`,
      );
    }
    readers.push(...tuples);
  });
  const allowed = parseAllowList(config.getOptional(ALLOW_LIST_KEY));
  const archiveLimits = parseArchiveLimits({
    maxArchiveBytes: config.getOptional<unknown>(MAX_ARCHIVE_BYTES_KEY),
    maxUnpackedBytes: config.getOptional<unknown>(MAX_UNPACKED_BYTES_KEY),
  });
  readers.push({
    reader: new FetchUrlReader(allowed, { treeResponseFactory, archiveLimits }),
    predicate: allowed,
  });
  return readers;
}
