/** The seed of certification runs: fixed, so every published report is reproducible. */
export const CERTIFICATION_SEED = 20_240_607;

/** A fresh 31-bit seed for exploratory runs. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

/**
 * The seed of one test: the run's seed mixed with the test id (FNV-1a), so that running a
 * single test with `--grep` and the run's `--seed` reproduces exactly its generated inputs.
 */
export function testSeed(runSeed: number, testId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < testId.length; i++) {
    hash ^= testId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash ^ runSeed) >>> 0) & 0x7fffffff;
}
