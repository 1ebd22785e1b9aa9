import { describe, expect, it } from 'vitest';
import { loadServiceMutantAdapter } from '../mutants/loadServiceMutantAdapter.js';
import { formatMutantTable, missedMutants, runMutants } from '../mutants/runMutants.js';
import { serviceMutants } from '../mutants/serviceMutants.js';
import { serviceTests } from '../src/suites/index.js';

// Apart from test/mutants.test.ts so that the runner can run the two mutation runs in parallel.
describe('mutation testing of the service contract suites', () => {
  it('catches every service mutant: each fails the contract tests of the requirements it breaks', async () => {
    const { baselineFailures, verdicts } = await runMutants(serviceMutants, {
      tests: serviceTests,
      // The baseline rebases every mutated service onto the unmutated copy; a mutant only its own.
      adapterFor: (src, name, mutant) =>
        loadServiceMutantAdapter(
          src,
          name,
          mutant?.services ?? serviceMutants.flatMap((m) => m.services),
        ),
      // A service mutant can only show in the contract tests of the services it changes.
      select: (mutant, test) =>
        test.service !== undefined && mutant.services.includes(test.service),
    });
    console.log(`\n${formatMutantTable(verdicts)}\n`);
    expect(baselineFailures).toEqual([]);
    expect(missedMutants(verdicts)).toEqual([]);
  }, 90_000);
});
