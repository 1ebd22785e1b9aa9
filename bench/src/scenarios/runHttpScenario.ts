import { PUBLIC_ROUTE, SERVICE_ROUTE } from '../fixtures/createBenchPlugins.js';
import { freePort } from '../process/freePort.js';
import { spawnChild, type BenchChild } from '../process/spawnChild.js';
import type { ResultRow } from '../results/BenchResults.js';
import { ratio, summarize, type Summary } from '../stats/summarize.js';
import { backendPackageDir, CONFIG_FILE, RUNTIMES } from './benchPaths.js';

/** Settings of the HTTP scenario. */
export interface HttpSettings {
  rounds: number;
  /** Bench plugins beside the target and caller plugins. */
  plugins: number;
  durationSec: number;
  warmupSec: number;
  connections: number;
  log(message: string): void;
}

interface Server {
  name: string;
  child: BenchChild;
  baseUrl: string;
  token?: string;
}

interface LoadSample {
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  total: number;
  failed: number;
}

async function startBackend(runtime: 'openstage' | 'backstage', plugins: number): Promise<Server> {
  const port = await freePort();
  const child = spawnChild({
    script: 'backendChild.js',
    args: [runtime, String(plugins), 'serve', '--config', CONFIG_FILE],
    cwd: backendPackageDir(runtime),
    env: { BENCH_PORT: String(port) },
  });
  const serving = await child.next('serving', 120_000);
  return {
    name: runtime,
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    token: serving['token'] as string,
  };
}

async function startCeiling(kind: 'express' | 'node-http'): Promise<Server> {
  const child = spawnChild({ script: 'ceilingChild.js', args: [kind] });
  const serving = await child.next('serving', 30_000);
  return { name: kind, child, baseUrl: `http://127.0.0.1:${serving['port'] as number}` };
}

/** One autocannon run, in its own process. */
async function load(
  url: string,
  durationSec: number,
  connections: number,
  token?: string,
): Promise<LoadSample> {
  const child = spawnChild({
    script: 'loadgenChild.js',
    args: [
      JSON.stringify({
        url,
        durationSec,
        connections,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    ],
  });
  try {
    const result = await child.next('load', (durationSec + 60) * 1000);
    return {
      requestsPerSec: result['requestsPerSec'] as number,
      latencyP50Ms: result['latencyP50Ms'] as number,
      latencyP99Ms: result['latencyP99Ms'] as number,
      total: result['total'] as number,
      failed:
        (result['non2xx'] as number) +
        (result['errors'] as number) +
        (result['timeouts'] as number),
    };
  } finally {
    await child.kill();
  }
}

interface Target {
  route: 'public' | 'service';
  server: Server;
}

/**
 * Scenario 4: throughput and p50/p99 latency of a plugin route exempt from auth and of one that
 * requires a service token, on both runtimes, with plain express and raw `node:http` serving the
 * same JSON on the exempt route as ceilings. The servers run side by side; each round loads every
 * target once, in alternation, after one warm-up run each.
 */
export async function runHttpScenario(settings: HttpSettings): Promise<ResultRow[]> {
  const servers: Server[] = [];
  try {
    for (const runtime of RUNTIMES) servers.push(await startBackend(runtime, settings.plugins));
    servers.push(await startCeiling('express'), await startCeiling('node-http'));
    const targets: Target[] = [
      ...servers.map((server) => ({ route: 'public' as const, server })),
      ...servers
        .filter((server) => server.token !== undefined)
        .map((server) => ({ route: 'service' as const, server })),
    ];
    const run = (target: Target, durationSec: number): Promise<LoadSample> =>
      load(
        target.server.baseUrl + (target.route === 'public' ? PUBLIC_ROUTE : SERVICE_ROUTE),
        durationSec,
        settings.connections,
        target.route === 'service' ? target.server.token : undefined,
      );

    for (const target of targets) await run(target, settings.warmupSec);
    const samples = new Map<string, LoadSample[]>();
    for (let round = 1; round <= settings.rounds; round++) {
      for (const target of targets) {
        const sample = await run(target, settings.durationSec);
        const key = `${target.route}:${target.server.name}`;
        samples.set(key, [...(samples.get(key) ?? []), sample]);
        settings.log(
          `http round ${round}/${settings.rounds} ${target.route} ${target.server.name}: ` +
            `${sample.requestsPerSec.toFixed(0)} req/s, p50 ${sample.latencyP50Ms} ms, ` +
            `p99 ${sample.latencyP99Ms} ms, failed ${sample.failed}`,
        );
      }
    }

    const rows: ResultRow[] = [];
    const routes = [
      { route: 'public', label: 'auth-exempt plugin route' },
      { route: 'service', label: 'service-token plugin route' },
    ] as const;
    const measures = [
      {
        name: 'Throughput',
        unit: 'req/s',
        lowerIsBetter: false,
        pick: (s: LoadSample) => s.requestsPerSec,
      },
      {
        name: 'Latency p50',
        unit: 'ms',
        lowerIsBetter: true,
        pick: (s: LoadSample) => s.latencyP50Ms,
      },
      {
        name: 'Latency p99',
        unit: 'ms',
        lowerIsBetter: true,
        pick: (s: LoadSample) => s.latencyP99Ms,
      },
    ];
    for (const { route, label } of routes) {
      for (const measure of measures) {
        const row: ResultRow = {
          scenario: `HTTP ${measure.name}`,
          case: label,
          unit: measure.unit,
          lowerIsBetter: measure.lowerIsBetter,
        };
        const references: Record<string, Summary> = {};
        const notes: string[] = [];
        for (const server of servers) {
          const list = samples.get(`${route}:${server.name}`);
          if (!list) continue;
          const summary = summarize(list.map(measure.pick));
          if (server.name === 'openstage' || server.name === 'backstage')
            row[server.name] = summary;
          else references[server.name] = summary;
          const failed = list.reduce((sum, s) => sum + s.failed, 0);
          const total = list.reduce((sum, s) => sum + s.total, 0);
          if (failed > 0) notes.push(`${server.name}: ${failed} of ${total} requests failed`);
        }
        row.ratio = ratio(row.openstage, row.backstage);
        if (Object.keys(references).length > 0) row.references = references;
        if (notes.length > 0) row.notes = notes;
        rows.push(row);
      }
    }
    return rows;
  } finally {
    for (const server of servers) await server.child.kill();
  }
}
