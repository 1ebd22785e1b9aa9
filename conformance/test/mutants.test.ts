import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_SRC, StaleMutantError, createMutantWorkspace } from '../mutants/applyMutant.js';
import type { Mutant } from '../mutants/Mutant.js';
import {
  checkMutants,
  formatMutantTable,
  missedMutants,
  runMutants,
} from '../mutants/runMutants.js';
import { runtimeMutants } from '../mutants/runtimeMutants.js';
import { serviceMutants } from '../mutants/serviceMutants.js';
import { runtimeTests, serviceTests } from '../src/suites/index.js';

const allMutants: readonly Mutant[] = [...runtimeMutants, ...serviceMutants];

describe('mutation testing of the suite', () => {
  it('has at least 20 runtime mutants and service mutants, each applying to the current reference sources', () => {
    expect(runtimeMutants.length).toBeGreaterThanOrEqual(20);
    expect(serviceMutants.length).toBeGreaterThanOrEqual(5);
    checkMutants(runtimeMutants, runtimeTests);
    checkMutants(serviceMutants, serviceTests);
    checkMutants(allMutants, [...runtimeTests, ...serviceTests]);
    for (const m of allMutants) {
      const text = readFileSync(join(REFERENCE_SRC, m.file), 'utf8');
      expect(text.split(m.find).length - 1, `mutant '${m.name}' is stale`).toBe(1);
      expect(m.replace, `mutant '${m.name}' changes nothing`).not.toBe(m.find);
    }
  });

  it('refuses a stale mutant, naming it and its file', () => {
    const workspace = createMutantWorkspace();
    try {
      const stale: Mutant = {
        name: 'stale',
        description: 'edits text that is not there',
        file: 'runtime/BackendInitializer.ts',
        find: 'this text does not occur in the reference sources',
        replace: '',
        breaks: ['INIT-031'],
      };
      expect(() => workspace.materialize('stale', stale)).toThrow(StaleMutantError);
      expect(() => workspace.materialize('stale-2', stale)).toThrow(
        /mutant 'stale' is stale: its find text occurs 0 times in reference-impl\/src\/runtime\/BackendInitializer\.ts/,
      );
      expect(() =>
        workspace.materialize('stale-3', { ...stale, file: 'runtime/NoSuchFile.ts' }),
      ).toThrow(/reference-impl\/src\/runtime\/NoSuchFile\.ts does not exist/);
    } finally {
      workspace.dispose();
    }
  });

  it('copies the edited module and its importers, and leaves every other module original', () => {
    const workspace = createMutantWorkspace();
    try {
      const mutant = runtimeMutants.find((m) => m.name === 'nested-default-not-unwrapped')!;
      const sources = workspace.materialize(mutant.name, mutant);
      // unwrapFeature <- collectFeatures <- BackendInitializer <- createSpecializedBackend <- ...
      for (const file of [
        'runtime/unwrapFeature.ts',
        'runtime/collectFeatures.ts',
        'runtime/BackendInitializer.ts',
        'runtime/createSpecializedBackend.ts',
      ]) {
        expect(sources.copied).toContain(file);
        expect(sources.resolve(file).startsWith(workspace.root)).toBe(true);
      }
      expect(readFileSync(sources.resolve(mutant.file), 'utf8')).toContain(mutant.replace);
      expect(sources.copied).not.toContain('errors/OpenstageError.ts');
      expect(sources.resolve('errors/OpenstageError.ts')).toBe(
        join(REFERENCE_SRC, 'errors/OpenstageError.ts'),
      );
      // A copied module imports the modules outside the copy from their original files.
      const copied = readFileSync(sources.resolve('runtime/collectFeatures.ts'), 'utf8');
      expect(copied).toMatch(/from '(\.\.\/)+.*reference-impl\/src\/errors\/OpenstageError\.js'/);
      expect(copied).toContain("from './unwrapFeature.js'");
    } finally {
      workspace.dispose();
    }
  });

  it('rejects mutant data naming unknown requirements or tests', () => {
    const base: Mutant = {
      name: 'x',
      description: 'd',
      file: 'f',
      find: 'a',
      replace: 'b',
      breaks: ['INIT-031'],
    };
    expect(() => checkMutants([{ ...base, breaks: ['NOPE-999'] }], runtimeTests)).toThrow(
      /mutant 'x': NOPE-999 is not an active requirement/,
    );
    expect(() => checkMutants([{ ...base, tests: ['startup/nope'] }], runtimeTests)).toThrow(
      /mutant 'x': no conformance test has the id 'startup\/nope'/,
    );
    expect(() => checkMutants([base, base], runtimeTests)).toThrow(/duplicate name/);
  });

  it('catches every runtime mutant: each fails the tests of the requirements it breaks', async () => {
    const { baselineFailures, verdicts } = await runMutants(runtimeMutants, {
      tests: runtimeTests,
      // Mutants that deadlock cost one timeout per hanging test; the reference needs far less.
      timeoutMs: 1000,
    });
    console.log(`\n${formatMutantTable(verdicts)}\n`);
    // The unmutated copy passes everything, so every failure below is the mutation's doing.
    expect(baselineFailures).toEqual([]);
    expect(missedMutants(verdicts)).toEqual([]);
  }, 90_000);
});
