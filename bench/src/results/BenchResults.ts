import type { Summary } from '../stats/summarize.js';

/** One line of a scenario: one case (e.g. "10 plugins") measured on both runtimes. */
export interface ResultRow {
  scenario: string;
  case: string;
  unit: string;
  /** Whether a smaller figure is the better one (times, memory) or a larger one (throughput). */
  lowerIsBetter: boolean;
  openstage?: Summary;
  backstage?: Summary;
  /** Openstage's median over Backstage's. */
  ratio?: number;
  /** Other servers measured the same way, e.g. the ceiling references of the HTTP scenario. */
  references?: Record<string, Summary>;
  /** What the figures do not say by themselves: timeouts, processes that did not exit. */
  notes?: string[];
}

/** A target of the issue, judged against this run's figures. */
export interface TargetResult {
  id: string;
  description: string;
  /** The ratio judged (Openstage over the reference named in the description). */
  value?: number;
  comparator: '<=' | '>=';
  threshold: number;
  met: boolean;
}

/** The machine a run was measured on. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  totalMemoryBytes: number;
  node: string;
  os: string;
}

/** Everything one `npm run bench` writes to bench/results/<date>.json. */
export interface BenchResults {
  schemaVersion: 1;
  startedAt: string;
  finishedAt: string;
  mode: 'full' | 'quick';
  machine: MachineInfo;
  packages: Record<string, string>;
  settings: {
    rounds: number;
    pluginCounts: number[];
    memoryPluginCounts: number[];
    httpPlugins: number;
    httpDurationSec: number;
    httpConnections: number;
    wiringFeatureCounts: number[];
    wiringRounds: number;
    exitTimeoutMs: number;
  };
  rows: ResultRow[];
  targets: TargetResult[];
}
