import { Parser, type ReadEntry } from 'tar';

/** One regular file of an archive, with its content in memory. */
export interface ArchiveFile {
  /** The path in the archive, without a leading `./`. */
  readonly path: string;
  readonly content: Buffer;
  readonly lastModifiedAt: Date | undefined;
}

/** Thrown by {@link readTarArchive} when the regular files add up to more than its limit. */
export class UnpackedTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the archive's files add up to more than ${limit} bytes`);
    this.name = 'UnpackedTooLargeError';
  }
}

const REGULAR_FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

// The archive goes to the parser in slices: gzip inflates a whole write synchronously, so one
// write of the whole archive would inflate all of a decompression bomb before an abort could stop
// it. A slice inflates to at most about a thousand times its size.
const SLICE_BYTES = 16 * 1024;

/**
 * Reads the regular files of a tar archive, gzip-compressed or not (the parser tells them apart by
 * their first bytes). Directories, links and other entry types are skipped: a tree response
 * holds files only. Rejects with the parser's error when `archive` is not a tar archive, and with
 * an {@link UnpackedTooLargeError} as soon as the sizes of the regular files, as their headers
 * declare them or as their bytes arrive, pass `maxUnpackedBytes` (URL-101).
 */
export function readTarArchive(
  archive: Buffer,
  options: { readonly maxUnpackedBytes?: number } = {},
): Promise<ArchiveFile[]> {
  const limit = options.maxUnpackedBytes ?? Number.POSITIVE_INFINITY;
  return new Promise((resolve, reject) => {
    const files: ArchiveFile[] = [];
    let declared = 0;
    let received = 0;
    let failed = false;
    const parser = new Parser({
      strict: true,
      // The byte limit bounds what is unpacked; tar's own ratio check would instead refuse a
      // legitimate archive of very repetitive files as if it were not a tar archive at all.
      maxDecompressionRatio: Number.POSITIVE_INFINITY,
      onReadEntry: (entry: ReadEntry) => {
        if (!REGULAR_FILE_TYPES.has(entry.type)) {
          entry.resume();
          return;
        }
        declared += entry.size;
        if (declared > limit) {
          entry.resume();
          parser.abort(new UnpackedTooLargeError(limit));
          return;
        }
        // The declared size is within the limit, so the content gets one buffer of that size
        // up front rather than chunks and a copy of them, which would hold it twice at the end.
        const content = Buffer.allocUnsafe(entry.size);
        let written = 0;
        entry.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > limit) {
            parser.abort(new UnpackedTooLargeError(limit));
            return;
          }
          // tar cuts entries at their declared size; this holds the copy below to it regardless.
          if (written + chunk.length > content.length) {
            parser.abort(new Error(`${entry.path} holds more bytes than its header declares`));
            return;
          }
          chunk.copy(content, written);
          written += chunk.length;
        });
        entry.on('end', () =>
          files.push({
            path: entry.path.replace(/^(\.\/)+/, ''),
            content: content.subarray(0, written),
            lastModifiedAt: entry.mtime,
          }),
        );
      },
    });
    parser.on('error', (error: Error) => {
      if (failed) return;
      failed = true;
      reject(error);
    });
    parser.on('end', () => {
      if (!failed) resolve(files);
    });
    for (let offset = 0; offset < archive.length && !failed; offset += SLICE_BYTES) {
      parser.write(archive.subarray(offset, offset + SLICE_BYTES));
    }
    if (!failed) parser.end();
  });
}
