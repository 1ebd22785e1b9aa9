import type { ResultRow, TargetResult } from '../results/BenchResults.js';

function find(rows: ResultRow[], scenario: string, kase: string): ResultRow | undefined {
  return rows.find((r) => r.scenario.startsWith(scenario) && r.case === kase);
}

function judge(
  id: string,
  description: string,
  value: number | undefined,
  comparator: '<=' | '>=',
  threshold: number,
): TargetResult {
  const met =
    value !== undefined && (comparator === '<=' ? value <= threshold : value >= threshold);
  return value === undefined
    ? { id, description, comparator, threshold, met }
    : { id, description, value, comparator, threshold, met };
}

/** The targets, each a ratio of this run's medians. */
export function evaluateTargets(rows: ResultRow[]): TargetResult[] {
  const ready10 = find(rows, 'Ready time', '10 plugins');
  const start100 = find(rows, 'start() alone', '100 plugins');
  const rss10 = find(rows, 'RSS after start', '10 plugins');
  const rss100 = find(rows, 'RSS after start', '100 plugins');
  const publicRps = find(rows, 'HTTP Throughput', 'auth-exempt plugin route');
  const serviceRps = find(rows, 'HTTP Throughput', 'service-token plugin route');
  const express = publicRps?.references?.['express'];
  return [
    judge('ready-10', 'Ready time at 10 plugins, Openstage/Backstage', ready10?.ratio, '<=', 0.2),
    judge('start-100', 'start() at 100 plugins, Openstage/Backstage', start100?.ratio, '<=', 0.1),
    judge('rss-10', 'RSS after start at 10 plugins, Openstage/Backstage', rss10?.ratio, '<=', 0.4),
    judge(
      'rss-100',
      'RSS after start at 100 plugins, Openstage/Backstage',
      rss100?.ratio,
      '<=',
      0.4,
    ),
    judge(
      'http-public',
      'Auth-exempt route throughput, Openstage/Backstage',
      publicRps?.ratio,
      '>=',
      2,
    ),
    judge(
      'http-public-express',
      'Auth-exempt route throughput, Openstage/plain express',
      publicRps?.openstage && express ? publicRps.openstage.median / express.median : undefined,
      '>=',
      0.95,
    ),
    judge(
      'http-service',
      'Service-token route throughput, Openstage/Backstage',
      serviceRps?.ratio,
      '>=',
      2,
    ),
  ];
}
