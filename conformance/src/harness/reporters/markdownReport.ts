import type { ConformanceReport } from '../generated/ConformanceReport.js';
import { STATUSES } from '../runConformance.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A human-readable report.md: the run's facts, counts per chapter, then every non-pass. */
export function markdownReport(report: ConformanceReport): string {
  const { implementation: impl, run, summary } = report;
  const lines = [
    `# Conformance report: ${impl.name} ${impl.version}`,
    '',
    `- Adapter: \`${impl.adapter}\`; classes: ${impl.classes.join(', ')}`,
    `- Suite: ${report.suite.name} ${report.suite.version} (INTERPRETING version ${report.suite.interpretingVersion}); spec ${report.specVersion}`,
    `- Node ${report.environment.node} on ${report.environment.platform}/${report.environment.arch}; engines: ${report.environment.engines.map((e) => `${e.name} ${e.version}`).join(', ') || 'none'}`,
    `- Run: ${run.startedAt}, ${run.durationMs} ms, seed ${run.seed}${run.certification ? ' (certification)' : ''}, timeout ${run.timeoutMs} ms${run.grep ? `, grep \`${run.grep}\`` : ''}`,
    `- Supports: \`${JSON.stringify(report.supports)}\``,
    `- Result: ${summary.ok ? 'every outcome matched the expectations' : `${summary.unexpected} unexpected outcome(s)`}; ${summary.conforms ? 'conforms' : `does not conform (${summary.blockers.join('; ')})`}`,
    '',
    '## Per chapter',
    '',
    `| Chapter | Total | ${STATUSES.join(' | ')} |`,
    `| --- | --- | ${STATUSES.map(() => '---').join(' | ')} |`,
    ...report.chapters.map(
      (c) => `| ${cell(c.title)} | ${c.total} | ${STATUSES.map((s) => c.counts[s]).join(' | ')} |`,
    ),
    `| **Total** | ${summary.total} | ${STATUSES.map((s) => summary.counts[s]).join(' | ')} |`,
    '',
  ];
  const notPassed = report.results.filter((r) => r.status !== 'passed');
  if (notPassed.length > 0) {
    lines.push(
      '## Tests that did not pass',
      '',
      '| Test | Requirements | Level | Status | Reason or message |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const r of notPassed) {
      const why = r.expectation?.reason ?? r.message ?? '';
      lines.push(
        `| \`${r.id}\` | ${r.requirements.join(', ')} | ${r.level} | ${r.unexpected ? `**${r.status}**` : r.status} | ${cell(why)} |`,
      );
    }
    lines.push('');
  }
  if (report.properties.length > 0) {
    lines.push(
      '## Property runs',
      '',
      '| Test | Seed | Runs | Replay |',
      '| --- | --- | --- | --- |',
    );
    for (const p of report.properties)
      lines.push(
        `| \`${p.testId}\` | ${p.seed} | ${p.numRuns} | \`${cell(p.replay)}\`${p.path ? ` path \`${p.path}\`` : ''} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}
