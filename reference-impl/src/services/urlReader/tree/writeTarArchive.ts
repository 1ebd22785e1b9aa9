import { Header, Pack, ReadEntry } from 'tar';

/** A file to put into an archive. */
export interface TarFile {
  readonly path: string;
  readonly content: Buffer;
  readonly lastModifiedAt?: Date | undefined;
}

/**
 * A stream of an uncompressed tar archive holding `files` under their paths. Each file goes in as
 * a tar entry made in memory, so nothing is written to disk; long paths get the PAX headers the
 * packer adds by itself.
 */
export function writeTarArchive(files: readonly TarFile[]): NodeJS.ReadableStream {
  const pack = new Pack({ portable: true });
  for (const file of files) {
    const header = new Header({
      path: file.path,
      type: 'File',
      mode: 0o644,
      size: file.content.length,
      mtime: file.lastModifiedAt ?? new Date(0),
    });
    const entry = new ReadEntry(header);
    entry.end(file.content);
    pack.add(entry);
  }
  pack.end();
  return pack as unknown as NodeJS.ReadableStream;
}
