import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { CliError } from '../CliError.js';
import type { GeneratedFiles } from './GeneratedFiles.js';

/**
 * Creates `dir` and writes `files` into it. Never touches an existing folder: creating the folder
 * itself is the check, so two runs racing for one folder cannot both write into it.
 */
export async function writePackage(dir: string, files: GeneratedFiles, cwd: string): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') {
      throw new CliError(
        `The folder '${relative(cwd, dir) || dir}' already exists; nothing was written. Remove it, ` +
          `or choose another folder with --dir.`,
      );
    }
    throw error;
  }
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  }
}
