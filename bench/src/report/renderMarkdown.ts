import type { BenchResults, ResultRow } from '../results/BenchResults.js';
import type { Summary } from '../stats/summarize.js';

function number(value: number): string {
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function cell(summary: Summary | undefined): string {
  if (!summary) return 'n/a';
  return `${number(summary.median)} (${number(summary.min)}–${number(summary.max)})`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function rowLine(row: ResultRow): string {
  const references = Object.entries(row.references ?? {})
    .map(([name, summary]) => `${name}: ${cell(summary)}`)
    .join('<br/>');
  return `| ${escape(row.scenario)} | ${row.case} | ${row.unit} | ${cell(row.openstage)} | ${cell(row.backstage)} | ${
    row.ratio === undefined ? 'n/a' : row.ratio.toFixed(3)
  } | ${references || ''} | ${escape((row.notes ?? []).join('; '))} |`;
}

/** The Markdown report of a run: machine, versions, settings, every figure and the targets. */
export function renderMarkdown(results: BenchResults): string {
  const { machine, settings } = results;
  const lines = [
    `# Openstage vs Backstage benchmark (${results.startedAt.slice(0, 10)}, ${results.mode} mode)`,
    '',
    "Same plugin objects, authored with `@backstage/backend-plugin-api`, given to Openstage's",
    "`createBackend` (`@openstage/reference-impl`) and to Backstage's `createBackend`",
    '(`@backstage/backend-defaults`), with the same configuration. Figures are the median and,',
    "in parentheses, the range over the rounds; the ratio is Openstage's median over Backstage's.",
    'Latencies come from autocannon with a resolution of 1 ms; a ratio is left out where a',
    'median is below it.',
    '',
    '## Machine',
    '',
    `- CPU: ${machine.cpuModel}, ${machine.cores} cores`,
    `- RAM: ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB`,
    `- Node.js: ${machine.node}`,
    `- OS: ${machine.os}`,
    '',
    '## Packages',
    '',
    ...Object.entries(results.packages).map(([name, version]) => `- ${name} ${version}`),
    '',
    '## Settings',
    '',
    `- Rounds: ${settings.rounds} (wiring: ${settings.wiringRounds}), runtimes alternating A B A B`,
    "- Lifecycle: one discarded start per runtime before the rounds (warm file-system cache; Openstage's config-schema cache filled); every process on one port, so every start reads the same configuration",
    `- Plugin counts: ${settings.pluginCounts.join(', ')}; memory at ${settings.memoryPluginCounts.join(', ')}`,
    `- HTTP: ${settings.httpPlugins} bench plugins plus the target and caller plugins, ${settings.httpConnections} connections, ${settings.httpDurationSec} s per run, autocannon in its own process`,
    `- Wiring: ${settings.wiringFeatureCounts.join(', ')} generated features`,
    `- A process that has not exited ${settings.exitTimeoutMs} ms after stop() is counted as not exiting`,
    '',
    '## Results',
    '',
    '| Scenario | Case | Unit | Openstage | Backstage | Openstage/Backstage | References | Notes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.rows.map(rowLine),
    '',
    '## Targets',
    '',
    '| Target | Ratio | Goal | Met |',
    '| --- | --- | --- | --- |',
    ...results.targets.map(
      (t) =>
        `| ${t.description} | ${t.value === undefined ? 'n/a' : t.value.toFixed(3)} | ${t.comparator} ${t.threshold} | ${t.met ? 'yes' : 'no'} |`,
    ),
    '',
    `Started ${results.startedAt}, finished ${results.finishedAt}.`,
    '',
  ];
  return lines.join('\n');
}
