import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDocs } from './checkDocs.js';
import { checkTypeScript } from './checkTypeScript.js';
import type { Finding } from './Finding.js';
import { compareFindings } from './Finding.js';
import { listFiles, loadSpec } from './loadSpec.js';
import { CONFIG_TYPES_DIR, renderGenerated } from './renderGenerated.js';

export interface SpecCheckResult {
  findings: Finding[];
  requirementCount: number;
  chapterCount: number;
}

/** Runs every rule of `npm run spec:check` against the spec package at `root`. */
export async function checkSpec(root: string): Promise<SpecCheckResult> {
  const spec = await loadSpec(root);
  const findings = [...spec.findings, ...checkDocs(spec.chapters)];
  const knownIds = new Set(spec.chapters.flatMap((c) => c.requirements.map((r) => r.id)));
  findings.push(...(await checkTypeScript(root, knownIds)));
  findings.push(...(await checkGeneratedFiles(root, await renderGenerated(root, spec.chapters))));
  return {
    findings: findings.sort(compareFindings),
    requirementCount: knownIds.size,
    chapterCount: spec.chapters.filter((c) => c.area !== 'NONE').length,
  };
}

async function checkGeneratedFiles(
  root: string,
  expected: Map<string, string>,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [file, contents] of expected) {
    const actual = await readFile(join(root, file), 'utf8').catch(() => null);
    if (actual === null) {
      findings.push({
        file,
        line: 0,
        rule: 'stale-generated',
        message: 'generated file is missing; run `npm run spec:generate`',
      });
    } else if (actual !== contents) {
      findings.push({
        file,
        line: firstDifferentLine(actual, contents),
        rule: 'stale-generated',
        message:
          'generated file differs from its sources; run `npm run spec:generate` and commit the result',
      });
    }
  }
  for (const file of await listFiles(root, CONFIG_TYPES_DIR, '.ts')) {
    if (!expected.has(file)) {
      findings.push({
        file,
        line: 0,
        rule: 'stale-generated',
        message:
          'no schema generates this file any more; run `npm run spec:generate` (it removes it)',
      });
    }
  }
  return findings;
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return i + 1;
  }
  return 0;
}
