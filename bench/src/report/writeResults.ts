import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResults } from '../results/BenchResults.js';
import { renderMarkdown } from './renderMarkdown.js';

/** The files one run wrote. */
export interface WrittenResults {
  json: string;
  markdown: string;
  latestJson: string;
  latestMarkdown: string;
}

/**
 * Writes `<dir>/<date>.json` and `<dir>/<date>.md`, and copies them to `latest.json` and
 * `latest.md` (the website renders latest.md). The date is the run's start, to the second, so
 * that runs on the same day do not overwrite each other.
 */
export async function writeResults(dir: string, results: BenchResults): Promise<WrittenResults> {
  await mkdir(dir, { recursive: true });
  const stamp = results.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const json = join(dir, `${stamp}.json`);
  const markdown = join(dir, `${stamp}.md`);
  await writeFile(json, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(markdown, renderMarkdown(results));
  const latestJson = join(dir, 'latest.json');
  const latestMarkdown = join(dir, 'latest.md');
  await copyFile(json, latestJson);
  await copyFile(markdown, latestMarkdown);
  return { json, markdown, latestJson, latestMarkdown };
}
