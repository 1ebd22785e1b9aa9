import type { BackendStartupResult } from './BackendStartupResult.js';

/** Options of {@link formatStartupSummary}. */
export interface StartupSummaryOptions {
  /** What the first line calls the backend; default `Openstage backend`. */
  title?: string;
  /** Extra lines printed under the readiness URL, such as a `curl` command to try. */
  tips?: readonly string[];
}

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
 * A human-readable summary of a started backend, as `openstage start` and the example backend
 * print it: where it listens, one row per plugin and module (sorted by id) with outcome and
 * duration, the total, the readiness URL and any tips.
 *
 * @param result - what `backend.start()` resolved to
 * @param baseUrl - the URL the backend listens on, such as `http://localhost:7007`
 */
export function formatStartupSummary(
  result: BackendStartupResult,
  baseUrl: string,
  options: StartupSummaryOptions = {},
): string {
  const rows = [['PLUGIN', 'MODULE', 'OUTCOME', 'DURATION']];
  for (const plugin of [...result.plugins].sort((a, b) => a.pluginId.localeCompare(b.pluginId))) {
    const outcome = plugin.failure?.allowed ? 'failure (allowed)' : plugin.outcome;
    rows.push([plugin.pluginId, '', outcome, `${Math.round(plugin.durationMs)} ms`]);
    for (const mod of [...plugin.modules].sort((a, b) => a.moduleId.localeCompare(b.moduleId))) {
      const modOutcome = mod.failure?.allowed ? 'failure (allowed)' : mod.outcome;
      rows.push(['', mod.moduleId, modOutcome, `${Math.round(mod.durationMs)} ms`]);
    }
  }
  return [
    '',
    `${options.title ?? 'Openstage backend'} listening on ${baseUrl}`,
    '',
    ...table(rows).map((line) => `  ${line}`),
    '',
    `  Started ${result.plugins.length} plugin(s) in ${Math.round(result.durationMs)} ms: ${result.outcome}`,
    '',
    `  Readiness: ${baseUrl}/.backstage/health/v1/readiness`,
    ...(options.tips ?? []).map((tip) => `  ${tip}`),
    '',
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
