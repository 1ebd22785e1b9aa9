import { Parser, type ReadEntry } from 'tar';

/** One regular file of an archive, with its content in memory. */
export interface ArchiveFile {
  /** The path in the archive, without a leading `./`. */
  readonly path: string;
  readonly content: Buffer;
  readonly lastModifiedAt: Date | undefined;
}

const REGULAR_FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

/**
 * Reads the regular files of a tar archive, gzip-compressed or not (the parser tells them apart by
 * their first bytes). Directories, links and other entry types are skipped: a tree response
 * holds files only. Rejects with the parser's error when `archive` is not a tar archive.
 */
export function readTarArchive(archive: Buffer): Promise<ArchiveFile[]> {
  return new Promise((resolve, reject) => {
    const files: ArchiveFile[] = [];
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        if (!REGULAR_FILE_TYPES.has(entry.type)) {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () =>
          files.push({
            path: entry.path.replace(/^(\.\/)+/, ''),
            content: Buffer.concat(chunks),
            lastModifiedAt: entry.mtime,
          }),
        );
      },
    });
    let failed = false;
    parser.on('error', (error: Error) => {
      failed = true;
      reject(error);
    });
    parser.on('end', () => {
      if (!failed) resolve(files);
    });
    parser.end(archive);
  });
}
