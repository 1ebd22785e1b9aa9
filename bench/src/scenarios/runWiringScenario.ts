import type { RuntimeName } from '../child/loadRuntime.js';
import { spawnChild } from '../process/spawnChild.js';
import type { ResultRow } from '../results/BenchResults.js';
import { ratio, summarize } from '../stats/summarize.js';
import { RUNTIMES } from './benchPaths.js';

/** Settings of the wiring scenario. */
export interface WiringSettings {
  rounds: number;
  featureCounts: number[];
  /** A runtime that takes longer than this for one count is not measured at larger counts. */
  timeoutMs: number;
  log(message: string): void;
}

interface WiringSample {
  preflightMs: number;
  wiringMs: number;
  totalMs: number;
}

async function runOnce(
  runtime: RuntimeName,
  features: number,
  timeoutMs: number,
): Promise<WiringSample> {
  const child = spawnChild({ script: 'wiringChild.js', args: [runtime, String(features)] });
  try {
    const wired = await child.next('wired', timeoutMs);
    return {
      preflightMs: wired['preflightMs'] as number,
      wiringMs: wired['wiringMs'] as number,
      totalMs: wired['totalMs'] as number,
    };
  } finally {
    await child.kill();
  }
}

/**
 * Scenario 5: preflight plus wiring of generated features, one process per run, the runtimes
 * alternating. A runtime that fails or times out at a count is reported so and not run again.
 */
export async function runWiringScenario(settings: WiringSettings): Promise<ResultRow[]> {
  const samples = new Map<string, WiringSample[]>();
  const failures = new Map<string, string>();
  for (let round = 1; round <= settings.rounds; round++) {
    for (const features of settings.featureCounts) {
      for (const runtime of RUNTIMES) {
        const key = `${runtime}:${features}`;
        if (failures.has(key)) continue;
        try {
          const sample = await runOnce(runtime, features, settings.timeoutMs);
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          settings.log(
            `wiring round ${round}/${settings.rounds} ${runtime} ${features} features: ` +
              `preflight ${sample.preflightMs.toFixed(0)} ms, wiring ${sample.wiringMs.toFixed(0)} ms`,
          );
        } catch (error) {
          const reason = (error as Error).message.split('\n')[0] ?? 'failed';
          failures.set(key, reason);
          settings.log(`wiring ${runtime} ${features} features failed: ${reason}`);
        }
      }
    }
  }
  const rows: ResultRow[] = [];
  for (const [measure, pick] of [
    ['Wiring scale: preflight + wiring', (s: WiringSample) => s.totalMs],
    ['Wiring scale: preflight alone (Openstage validate())', (s: WiringSample) => s.preflightMs],
  ] as const) {
    for (const features of settings.featureCounts) {
      const row: ResultRow = {
        scenario: measure,
        case: `${features} features`,
        unit: 'ms',
        lowerIsBetter: true,
      };
      const notes: string[] = [];
      for (const runtime of RUNTIMES) {
        // Backstage has no separate preflight; its row of preflight alone stays empty.
        if (measure.includes('alone') && runtime === 'backstage') continue;
        const list = samples.get(`${runtime}:${features}`);
        if (list && list.length > 0) row[runtime] = summarize(list.map(pick));
        const failure = failures.get(`${runtime}:${features}`);
        if (failure) notes.push(`${runtime}: ${failure}`);
      }
      row.ratio = ratio(row.openstage, row.backstage);
      if (notes.length > 0) row.notes = notes;
      rows.push(row);
    }
  }
  return rows;
}
