import type { ConformanceReport, Status } from '../generated/ConformanceReport.js';
import type { ProgressListener } from '../runConformance.js';
import { STATUSES } from '../runConformance.js';

const MARK: Record<Status, string> = {
  passed: '.',
  failed: 'F',
  error: 'E',
  timeout: 'T',
  'not-supported': 'n',
  'expected-failure': 'x',
  'unexpected-pass': 'U',
  skipped: 's',
};

/**
 * Progress as one character per test (`.` pass, `F` fail, `E` error, `T` timeout, `x` expected
 * failure, `U` unexpected pass, `n` not supported, `s` skipped), then every unexpected outcome
 * and a summary per chapter.
 */
export function terminalReporter(
  write: (text: string) => void = (t) => process.stdout.write(t),
): ProgressListener {
  let column = 0;
  return {
    onStart({ adapter, total, seed }) {
      write(`openstage-conformance: ${total} tests against '${adapter}' (seed ${seed})\n`);
    },
    onResult(result) {
      write(MARK[result.status]);
      if (++column % 60 === 0) write('\n');
    },
    onEnd(report) {
      write('\n');
      write(formatSummary(report));
    },
  };
}

/** The end-of-run text: unexpected outcomes, then one line per chapter and a total. */
export function formatSummary(report: ConformanceReport): string {
  const lines: string[] = [''];
  const unexpected = report.results.filter((r) => r.unexpected);
  if (unexpected.length > 0) {
    lines.push('Unexpected outcomes:');
    for (const r of unexpected)
      lines.push(
        `  ${r.status.toUpperCase()} ${r.id} [${r.requirements.join(', ')}]: ${r.message ?? ''}`,
      );
    lines.push('');
  }
  const width = Math.max(...report.chapters.map((c) => c.title.length), 5);
  for (const chapter of report.chapters) {
    lines.push(`  ${chapter.title.padEnd(width)}  ${countsText(chapter.counts)}`);
  }
  lines.push(`  ${'Total'.padEnd(width)}  ${countsText(report.summary.counts)}`);
  lines.push('');
  lines.push(
    report.summary.ok
      ? `OK: every outcome matched expectations/${report.implementation.adapter}.json`
      : `FAILED: ${report.summary.unexpected} unexpected outcome(s)`,
  );
  return `${lines.join('\n')}\n`;
}

function countsText(counts: ConformanceReport['summary']['counts']): string {
  return (
    STATUSES.filter((s) => counts[s] > 0)
      .map((s) => `${counts[s]} ${s}`)
      .join(', ') || 'no tests'
  );
}
