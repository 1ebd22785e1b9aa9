import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Chapter } from './Chapter.js';
import type { Finding } from './Finding.js';
import { parseChapter } from './parseChapter.js';

/** The generated error catalog lives among the chapters but is not one. */
export const ERROR_CATALOG_FILE = 'docs/errors.md';

export interface LoadedSpec {
  root: string;
  chapters: Chapter[];
  findings: Finding[];
}

/** Lists files below `dir` (recursively) whose name ends with `suffix`, as sorted root-relative paths. */
export async function listFiles(root: string, dir: string, suffix: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(join(root, dir), { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.endsWith(suffix))
    .map((e) =>
      relative(root, join(root, dir, e))
        .split(sep)
        .join('/'),
    )
    .sort();
}

/** Reads and parses every chapter under `docs/`, in reading order (sidebar position, then path). */
export async function loadSpec(root: string): Promise<LoadedSpec> {
  const files = (await listFiles(root, 'docs', '.md')).filter((f) => f !== ERROR_CATALOG_FILE);
  const chapters: Chapter[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const parsed = parseChapter(file, await readFile(join(root, file), 'utf8'));
    findings.push(...parsed.findings);
    if (parsed.chapter) chapters.push(parsed.chapter);
  }
  chapters.sort(compareChapters);
  return { root, chapters, findings };
}

function compareChapters(a: Chapter, b: Chapter): number {
  const aService = a.docPath.startsWith('services/') ? 1 : 0;
  const bService = b.docPath.startsWith('services/') ? 1 : 0;
  return aService - bService || a.position - b.position || a.docPath.localeCompare(b.docPath);
}
