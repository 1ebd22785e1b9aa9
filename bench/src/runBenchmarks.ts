import { evaluateTargets } from './report/evaluateTargets.js';
import { machineInfo, packageVersions } from './report/machineInfo.js';
import type { BenchResults } from './results/BenchResults.js';
import { runHttpScenario } from './scenarios/runHttpScenario.js';
import { runLifecycleScenario } from './scenarios/runLifecycleScenario.js';
import { runWiringScenario } from './scenarios/runWiringScenario.js';

/** Options of one benchmark run. */
export interface RunOptions {
  /** A small version of every scenario, for checking the harness rather than measuring. */
  quick: boolean;
  log(message: string): void;
}

/** Runs every scenario on both runtimes and returns the figures. */
export async function runBenchmarks(options: RunOptions): Promise<BenchResults> {
  const { quick, log } = options;
  const settings: BenchResults['settings'] = quick
    ? {
        rounds: 1,
        pluginCounts: [1, 10],
        memoryPluginCounts: [10],
        httpPlugins: 10,
        httpDurationSec: 1,
        httpConnections: 10,
        wiringFeatureCounts: [100, 1000],
        wiringRounds: 1,
        exitTimeoutMs: 2000,
      }
    : {
        rounds: 5,
        pluginCounts: [1, 10, 100],
        memoryPluginCounts: [10, 100],
        httpPlugins: 10,
        httpDurationSec: 10,
        httpConnections: 10,
        wiringFeatureCounts: [1000, 10000],
        wiringRounds: 5,
        exitTimeoutMs: 5000,
      };
  const startedAt = new Date().toISOString();
  const lifecycle = await runLifecycleScenario({
    rounds: settings.rounds,
    pluginCounts: settings.pluginCounts,
    memoryPluginCounts: settings.memoryPluginCounts,
    exitTimeoutMs: settings.exitTimeoutMs,
    log,
  });
  const http = await runHttpScenario({
    rounds: settings.rounds,
    plugins: settings.httpPlugins,
    durationSec: settings.httpDurationSec,
    warmupSec: quick ? 1 : 3,
    connections: settings.httpConnections,
    log,
  });
  const wiring = await runWiringScenario({
    rounds: settings.wiringRounds,
    featureCounts: settings.wiringFeatureCounts,
    timeoutMs: quick ? 60_000 : 300_000,
    log,
  });
  const rows = [...lifecycle, ...http, ...wiring];
  return {
    schemaVersion: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: machineInfo(),
    packages: packageVersions(),
    settings,
    rows,
    targets: evaluateTargets(rows),
  };
}
