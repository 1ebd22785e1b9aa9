import { gzipSync } from 'node:zlib';

/** One entry of a test archive: a regular file, a directory or a symbolic link. */
export type TarEntry =
  | { type: 'file'; path: string; content: string }
  | { type: 'directory'; path: string }
  | { type: 'symlink'; path: string; target: string };

const BLOCK = 512;

/** Writes `value` as a NUL-terminated octal number filling `width` bytes at `offset`. */
function octal(header: Buffer, offset: number, width: number, value: number): void {
  header.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
}

/** The 512-byte ustar header of `entry` whose content is `size` bytes long. */
function header(entry: TarEntry, size: number): Buffer {
  const name = Buffer.from(entry.path, 'utf8');
  if (name.length > 100)
    throw new RangeError(`tar entry path longer than 100 bytes is not supported: ${entry.path}`);
  const h = Buffer.alloc(BLOCK);
  name.copy(h, 0);
  octal(h, 100, 8, entry.type === 'directory' ? 0o755 : 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, Math.floor(Date.UTC(2030, 0, 1) / 1000));
  h.write('        ', 148, 8, 'ascii'); // the checksum counts its own field as spaces
  h.write(entry.type === 'file' ? '0' : entry.type === 'directory' ? '5' : '2', 156, 1, 'ascii');
  if (entry.type === 'symlink') h.write(entry.target, 157, 100, 'utf8');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/**
 * A ustar archive of `entries`, gzip-compressed when `gzip` is set: 512-byte headers, content
 * padded to whole blocks, and two zero blocks at the end. Enough for the archives the url-reader
 * suite serves, without a tar dependency in the suite.
 */
export function tarArchive(entries: readonly TarEntry[], gzip = true): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const content = entry.type === 'file' ? Buffer.from(entry.content, 'utf8') : Buffer.alloc(0);
    parts.push(header(entry, content.length), content);
    const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  const tar = Buffer.concat(parts);
  return gzip ? gzipSync(tar) : tar;
}
