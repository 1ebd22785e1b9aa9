import type { RuntimeName } from '../child/loadRuntime.js';
import { freePort } from '../process/freePort.js';
import { spawnChild } from '../process/spawnChild.js';
import type { ResultRow } from '../results/BenchResults.js';
import { ratio, summarize } from '../stats/summarize.js';
import { backendPackageDir, CONFIG_FILE, RUNTIMES } from './benchPaths.js';

/** Settings of the lifecycle scenarios (ready time, start(), memory, shutdown). */
export interface LifecycleSettings {
  rounds: number;
  pluginCounts: number[];
  memoryPluginCounts: number[];
  exitTimeoutMs: number;
  log(message: string): void;
}

interface LifecycleSample {
  readyMs: number;
  startMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  stopMs: number;
  /** Undefined when the process did not exit by itself within the timeout. */
  exitMs?: number;
  activeAfterStop: string[];
}

/** One backend process on `port`: start, measure, stop, and wait for it to exit by itself. */
async function runOnce(
  runtime: RuntimeName,
  plugins: number,
  exitTimeoutMs: number,
  port: number,
): Promise<LifecycleSample> {
  const child = spawnChild({
    script: 'backendChild.js',
    args: [runtime, String(plugins), 'lifecycle', '--config', CONFIG_FILE],
    cwd: backendPackageDir(runtime),
    env: { BENCH_PORT: String(port) },
    nodeOptions: ['--expose-gc'],
  });
  try {
    const started = await child.next('started', 120_000);
    const stopping = await child.next('stopping', 10_000);
    const stopped = await child.next('stopped', 60_000);
    const exit = await Promise.race([
      child.exited,
      new Promise<undefined>((resolve) =>
        setTimeout(() => resolve(undefined), exitTimeoutMs).unref(),
      ),
    ]);
    return {
      readyMs: started['readyMs'] as number,
      startMs: started['startMs'] as number,
      rssBytes: started['rssBytes'] as number,
      heapUsedBytes: started['heapUsedBytes'] as number,
      stopMs: (stopped['at'] as number) - (stopping['at'] as number),
      exitMs: exit ? exit.at - (stopping['at'] as number) : undefined,
      activeAfterStop: stopped['activeResources'] as string[],
    };
  } finally {
    await child.kill();
  }
}

/** Counts repeated names: ["Timeout", "Timeout", "TCPServerWrap"] -> "Timeout x2, TCPServerWrap". */
function describeResources(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${name} x${n}` : name)).join(', ') || 'none';
}

/**
 * Scenarios 1, 2, 3 and 6: each round starts one process per plugin count and runtime,
 * alternating the runtimes, and takes from each its ready time, the duration of `start()`, its
 * memory after start and the time from `stop()` to its exit.
 */
export async function runLifecycleScenario(settings: LifecycleSettings): Promise<ResultRow[]> {
  const samples = new Map<string, LifecycleSample[]>();
  // One port for every process of the scenario, so that each start reads the same configuration
  // document, as the restarts of one deployment do. The processes run one at a time, and each
  // has exited (or been killed) before the next one listens.
  const port = await freePort();
  // One discarded start per runtime first, so that no round pays for a cold file-system cache or
  // for filling a cache the runtime keeps between starts (Openstage compiles packages' config
  // schemas once into the backend package's node_modules/.cache); a deployed backend restarts warm.
  for (const runtime of RUNTIMES) {
    const warmup = await runOnce(
      runtime,
      settings.pluginCounts[0] ?? 1,
      settings.exitTimeoutMs,
      port,
    );
    settings.log(`lifecycle warm-up ${runtime}: ready ${warmup.readyMs.toFixed(0)} ms (discarded)`);
  }
  for (let round = 1; round <= settings.rounds; round++) {
    for (const plugins of settings.pluginCounts) {
      for (const runtime of RUNTIMES) {
        const sample = await runOnce(runtime, plugins, settings.exitTimeoutMs, port);
        const key = `${runtime}:${plugins}`;
        samples.set(key, [...(samples.get(key) ?? []), sample]);
        settings.log(
          `lifecycle round ${round}/${settings.rounds} ${runtime} ${plugins} plugins: ` +
            `ready ${sample.readyMs.toFixed(0)} ms, start() ${sample.startMs.toFixed(0)} ms, ` +
            `rss ${(sample.rssBytes / 2 ** 20).toFixed(0)} MiB, exit ${sample.exitMs === undefined ? 'none' : `${sample.exitMs.toFixed(0)} ms`}`,
        );
      }
    }
  }

  const rows: ResultRow[] = [];
  const row = (
    scenario: string,
    plugins: number,
    unit: string,
    pick: (s: LifecycleSample) => number | undefined,
    notes?: (runtime: RuntimeName, list: LifecycleSample[]) => string | undefined,
  ): void => {
    const result: ResultRow = { scenario, case: `${plugins} plugins`, unit, lowerIsBetter: true };
    const noteList: string[] = [];
    for (const runtime of RUNTIMES) {
      const list = samples.get(`${runtime}:${plugins}`) ?? [];
      const values = list.map(pick).filter((v): v is number => v !== undefined);
      if (values.length > 0) result[runtime] = summarize(values);
      const note = notes?.(runtime, list);
      if (note) noteList.push(note);
    }
    result.ratio = ratio(result.openstage, result.backstage);
    if (noteList.length > 0) result.notes = noteList;
    rows.push(result);
  };

  for (const n of settings.pluginCounts)
    row('Ready time (process start to start() resolved)', n, 'ms', (s) => s.readyMs);
  for (const n of settings.pluginCounts) row('start() alone', n, 'ms', (s) => s.startMs);
  for (const n of settings.memoryPluginCounts) {
    row('RSS after start', n, 'MiB', (s) => s.rssBytes / 2 ** 20);
    row('Heap used after start', n, 'MiB', (s) => s.heapUsedBytes / 2 ** 20);
  }
  for (const n of settings.pluginCounts) row('stop() duration', n, 'ms', (s) => s.stopMs);
  for (const n of settings.pluginCounts) {
    row(
      'Shutdown (stop() called to process exit)',
      n,
      'ms',
      (s) => s.exitMs,
      (runtime, list) => {
        const stuck = list.filter((s) => s.exitMs === undefined);
        if (stuck.length === 0) return undefined;
        return (
          `${runtime}: ${stuck.length}/${list.length} processes did not exit within ` +
          `${settings.exitTimeoutMs} ms of stop(); still active after stop(): ` +
          describeResources(stuck[0]?.activeAfterStop ?? [])
        );
      },
    );
  }
  return rows;
}
