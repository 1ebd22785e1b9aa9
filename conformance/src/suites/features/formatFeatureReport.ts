import type { FeatureCheckReport } from './checkFeaturePackage.js';
import type { ExportedFeature } from './listExportedFeatures.js';

const MARK = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/** One exported feature as `name: plugin todo`, `name: module todo/rules` or `name: service x`. */
function describeExport(feature: ExportedFeature): string {
  const what =
    feature.serviceId !== undefined
      ? `service ${feature.serviceId}`
      : feature.moduleId !== undefined
        ? `module ${feature.pluginId ?? '?'}/${feature.moduleId}`
        : feature.pluginId !== undefined
          ? `plugin ${feature.pluginId}`
          : feature.featureType;
  return `${feature.export}: ${what}`;
}

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
  if (report.exports !== undefined)
    lines.push(
      `  exports: ${report.exports.length === 0 ? 'no features' : report.exports.map(describeExport).join(', ')}`,
    );
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
