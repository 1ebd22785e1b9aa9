import type { BackendStartupResult } from '../../src/runtime/index.js';

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The lines the example prints once it has started: where it listens, one row per plugin and
 * module with outcome and duration, and the total.
 */
export function formatStartupSummary(result: BackendStartupResult, baseUrl: string): string {
  const rows = [['PLUGIN', 'MODULE', 'OUTCOME', 'DURATION']];
  for (const plugin of [...result.plugins].sort((a, b) => a.pluginId.localeCompare(b.pluginId))) {
    const outcome = plugin.failure?.allowed ? 'failure (allowed)' : plugin.outcome;
    rows.push([plugin.pluginId, '', outcome, `${Math.round(plugin.durationMs)} ms`]);
    for (const mod of plugin.modules) {
      const modOutcome = mod.failure?.allowed ? 'failure (allowed)' : mod.outcome;
      rows.push(['', mod.moduleId, modOutcome, `${Math.round(mod.durationMs)} ms`]);
    }
  }
  return [
    '',
    `Openstage example backend listening on ${baseUrl}`,
    '',
    ...table(rows).map((line) => `  ${line}`),
    '',
    `  Started ${result.plugins.length} plugin(s) in ${Math.round(result.durationMs)} ms: ${result.outcome}`,
    '',
    `  Readiness: ${baseUrl}/.backstage/health/v1/readiness`,
    `  Try:       curl ${baseUrl}/api/stats/summary`,
    '',
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
