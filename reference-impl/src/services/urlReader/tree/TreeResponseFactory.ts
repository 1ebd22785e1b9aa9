import type {
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
} from '@openstage/spec';
import { ArchiveTreeResponse } from './ArchiveTreeResponse.js';
import { readTarArchive, type ArchiveFile } from './readTarArchive.js';
import { resolveWorkingDirectory } from './resolveWorkingDirectory.js';

/** A file handed to {@link TreeResponseFactory.fromFiles}. */
export interface TreeFile {
  /** Relative to the tree root, `/`-separated. */
  readonly path: string;
  readonly content: Buffer;
  readonly lastModifiedAt?: Date;
}

/**
 * Builds `readTree` results for readers (URL-013 to URL-025); the default implementation passes
 * one to every contributed reader factory as `treeResponseFactory` (URL-072), and its own plain
 * HTTP reader uses it too.
 */
export interface TreeResponseFactory {
  /**
   * A tree of the regular files of a tar archive, gzip-compressed or not, under `subpath` (paths
   * relative to it), kept by `filter`. Rejects with the parser's error when the bytes are not a tar
   * archive.
   */
  fromTarArchive(options: {
    readonly archive: Buffer;
    readonly etag: string;
    /** The URL that was read, for error messages. */
    readonly url: string;
    readonly subpath?: string;
    readonly filter?: UrlReaderServiceReadTreeOptions['filter'];
  }): Promise<UrlReaderServiceReadTreeResponse>;
  /** A tree of files already in memory, kept by `filter`. */
  fromFiles(options: {
    readonly files: readonly TreeFile[];
    readonly etag: string;
    readonly url: string;
    readonly filter?: UrlReaderServiceReadTreeOptions['filter'];
  }): UrlReaderServiceReadTreeResponse;
}

/**
 * The tree response factory over `backend.workingDirectory` (`workingDirectory` is its raw config
 * value), which is checked when the first `dir()` without a target needs it (URL-081, URL-082).
 */
export function createTreeResponseFactory(
  options: { workingDirectory?: unknown } = {},
): TreeResponseFactory {
  let resolved: Promise<string> | undefined;
  const workingDirectory = (): Promise<string> =>
    (resolved ??= resolveWorkingDirectory(options.workingDirectory));

  const fromFiles: TreeResponseFactory['fromFiles'] = ({ files, etag, url, filter }) => {
    // URL-016, URL-017: the filter sees every file once and decides what the tree holds.
    const kept: ArchiveFile[] = files
      .filter((file) => filter === undefined || filter(file.path, { size: file.content.length }))
      .map((file) => ({
        path: file.path,
        content: file.content,
        lastModifiedAt: file.lastModifiedAt,
      }));
    return new ArchiveTreeResponse(kept, etag, { url, workingDirectory });
  };

  return {
    fromFiles,
    async fromTarArchive({ archive, etag, url, subpath, filter }) {
      const inner = (subpath ?? '').replace(/^\/+|\/+$/g, '');
      const prefix = inner === '' ? '' : `${inner}/`;
      const files = (await readTarArchive(archive))
        .filter((file) => file.path.startsWith(prefix))
        .map((file) => ({ ...file, path: file.path.slice(prefix.length) }));
      return fromFiles({ files, etag, url, ...(filter === undefined ? {} : { filter }) });
    },
  };
}
