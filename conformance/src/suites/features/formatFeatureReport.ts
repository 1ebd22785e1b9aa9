import type { FeatureCheckReport } from './checkFeaturePackage.js';

const MARK = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/** Renders a feature check report for the terminal: one line per check, with its requirements. */
export function formatFeatureReport(report: FeatureCheckReport): string {
  const what = report.feature
    ? ` (${report.feature.featureType}${report.feature.pluginId ? ` ${report.feature.pluginId}` : ''}${report.feature.moduleId ? `/${report.feature.moduleId}` : ''})`
    : report.kind === 'service-library'
      ? ` (service library${report.services?.length ? `: ${report.services.map((s) => `${s.id} ${s.scope}`).join(', ')}` : ''})`
      : '';
  const lines = [
    `openstage-conformance features: ${report.packageName ?? report.target}${what} on '${report.adapter}'`,
  ];
  for (const check of report.checks) {
    lines.push(
      `  ${MARK[check.status]} ${check.id} [${check.requirements.join(', ')}] ${check.level}: ${check.description}`,
    );
    if (check.message !== undefined) lines.push(`       ${check.message}`);
  }
  const failed = report.checks.filter((c) => c.status === 'failed').length;
  lines.push(
    failed === 0
      ? `OK: ${report.checks.filter((c) => c.status === 'passed').length} check(s) passed`
      : `FAILED: ${failed} check(s) failed`,
  );
  return `${lines.join('\n')}\n`;
}
