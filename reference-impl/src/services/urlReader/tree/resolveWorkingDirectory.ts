import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { UrlReaderError } from '../UrlReaderError.js';

/** The config key of the directory `dir()` creates its directories in. */
export const WORKING_DIRECTORY_KEY = 'backend.workingDirectory';

/**
 * The directory `dir()` creates its directories in: `backend.workingDirectory` when set, which must
 * be an existing, writable directory (URL-082), or the operating system's temporary directory
 * (URL-081).
 */
export async function resolveWorkingDirectory(configured: unknown): Promise<string> {
  if (configured === undefined || configured === null) return tmpdir();
  const fail = (reason: string, cause?: unknown): UrlReaderError =>
    new UrlReaderError(
      'URL_INVALID_WORKING_DIRECTORY',
      { configPath: WORKING_DIRECTORY_KEY, configured: String(JSON.stringify(configured)), reason },
      cause === undefined ? undefined : { cause },
    );
  if (typeof configured !== 'string' || configured === '') throw fail('is not a directory path');
  const path = resolve(configured);
  try {
    if (!(await stat(path)).isDirectory()) throw fail('is not a directory');
  } catch (cause) {
    if (cause instanceof UrlReaderError) throw cause;
    throw fail('does not exist', cause);
  }
  try {
    await access(path, constants.W_OK);
  } catch (cause) {
    throw fail('is not writable', cause);
  }
  return path;
}
