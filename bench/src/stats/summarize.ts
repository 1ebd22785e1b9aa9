/** The median and range of one measurement over the rounds of a scenario. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

/** Summarizes samples; the median of an even count is the mean of the middle two. */
export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples to summarize.');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, samples };
}

/** Openstage's median over Backstage's, or undefined when either is missing or zero. */
export function ratio(
  openstage: Summary | undefined,
  backstage: Summary | undefined,
): number | undefined {
  // A zero median is a latency below autocannon's 1 ms resolution: no ratio can be told from it.
  if (!openstage || !backstage || backstage.median === 0 || openstage.median === 0) {
    return undefined;
  }
  return openstage.median / backstage.median;
}
