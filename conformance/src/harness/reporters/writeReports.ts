import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from '../generated/ConformanceReport.js';
import { junitReport } from './junitReport.js';
import { markdownReport } from './markdownReport.js';

/** Writes report.json, junit.xml and report.md into `dir`, creating it; returns the paths. */
export function writeReports(report: ConformanceReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
    ['junit.xml', junitReport(report)],
    ['report.md', markdownReport(report)],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
