import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type {
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadTreeResponseDirOptions,
  UrlReaderServiceReadTreeResponseFile,
} from '@openstage/spec';
import { UrlReaderError } from '../UrlReaderError.js';
import type { ArchiveFile } from './readTarArchive.js';
import { writeTarArchive } from './writeTarArchive.js';

/** Whether a tree path would land outside the directory it is written into (URL-025). */
function isUnsafe(path: string): boolean {
  return (
    path === '' ||
    isAbsolute(path) ||
    path.startsWith('/') ||
    path.split(/[\\/]/).some((segment) => segment === '..')
  );
}

/**
 * A `readTree` result over files held in memory (URL-013 to URL-025): `files()` hands them out,
 * `archive()` packs them into a tar stream, `dir()` writes them into a directory.
 */
export class ArchiveTreeResponse implements UrlReaderServiceReadTreeResponse {
  constructor(
    private readonly entries: readonly ArchiveFile[],
    readonly etag: string,
    private readonly options: {
      /** The URL that was read, for error messages. */
      readonly url: string;
      /** Resolves the directory `dir()` creates its directories in (URL-021, URL-081, URL-082). */
      readonly workingDirectory: () => Promise<string>;
    },
  ) {}

  files = async (): Promise<UrlReaderServiceReadTreeResponseFile[]> =>
    this.entries.map((entry) => ({
      path: entry.path,
      content: async () => entry.content,
      ...(entry.lastModifiedAt === undefined ? {} : { lastModifiedAt: entry.lastModifiedAt }),
    }));

  archive = async (): Promise<NodeJS.ReadableStream> => writeTarArchive(this.entries);

  dir = async (options: UrlReaderServiceReadTreeResponseDirOptions = {}): Promise<string> => {
    // URL-025: refuse before anything is written, so a bad tree leaves no partial directory.
    const unsafe = this.entries.find((entry) => isUnsafe(entry.path));
    if (unsafe !== undefined) {
      throw new UrlReaderError('URL_UNSAFE_PATH', {
        url: this.options.url,
        entryPath: unsafe.path,
      });
    }
    // URL-021, URL-022: a fresh directory per call; the caller removes it (URL-023).
    const target =
      options.targetDir ??
      (await mkdtemp(join(await this.options.workingDirectory(), 'openstage-tree-')));
    const root = resolve(target);
    try {
      for (const entry of this.entries) {
        const destination = resolve(root, entry.path);
        // Defence in depth for URL-024, beside the check above.
        if (!destination.startsWith(root + sep)) continue;
        await mkdir(dirname(destination), { recursive: true });
        await writeFile(destination, entry.content);
      }
    } catch (cause) {
      // The caller never learns the path of a directory made here, so it cannot remove it
      // (URL-023): a failed write, such as a file and a folder of the same name, removes it here.
      if (options.targetDir === undefined) await rm(root, { recursive: true, force: true });
      throw cause;
    }
    return options.targetDir ?? root;
  };
}
