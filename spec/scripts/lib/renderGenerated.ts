import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderConfigTypes } from '../configTypes.js';
import type { Chapter } from './Chapter.js';
import { ERROR_CATALOG_FILE } from './loadSpec.js';
import { renderErrorCatalog } from './renderErrorCatalog.js';
import { renderErrorCodeUnion } from './renderErrorCodeUnion.js';
import { renderRequirementsIndex } from './renderRequirementsIndex.js';

export const REQUIREMENTS_FILE = 'requirements.json';
export const ERROR_CODE_FILE = 'src/generated/ErrorCode.ts';
export const CONFIG_TYPES_DIR = 'src/generated/config';

/** Every generated file of the spec, as root-relative path to exact contents. */
export async function renderGenerated(
  root: string,
  chapters: Chapter[],
): Promise<Map<string, string>> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    version?: string;
  };
  const out = new Map<string, string>();
  out.set(REQUIREMENTS_FILE, renderRequirementsIndex(chapters, pkg.version ?? '0.0.0'));
  out.set(ERROR_CATALOG_FILE, renderErrorCatalog(chapters));
  out.set(ERROR_CODE_FILE, renderErrorCodeUnion(chapters));
  for (const [file, contents] of await renderConfigTypes(root)) out.set(file, contents);
  return out;
}
