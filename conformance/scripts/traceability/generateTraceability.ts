import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FEATURE_CHECKS } from '../../src/suites/features/index.js';
import { conformanceTests } from '../../src/suites/index.js';
import {
  buildTraceability,
  type RequirementsIndex,
  type Traceability,
  type TraceabilityProblems,
  type UntestableFile,
} from './buildTraceability.js';
import { referenceImplTests, titledTests } from './referenceImplTests.js';

const require = createRequire(import.meta.url);

/** Where the matrix is committed. */
export const TRACEABILITY_PATH = fileURLToPath(new URL('../../traceability.json', import.meta.url));
/** The chapters held at full MUST coverage (a ratchet: areas are added, never dropped silently). */
export const GATE_PATH = fileURLToPath(new URL('../../traceability-gate.json', import.meta.url));
/** The hand-kept list of MUST requirements no test can check. */
export const UNTESTABLE_PATH = fileURLToPath(new URL('../../untestable.json', import.meta.url));
const REFERENCE_IMPL = fileURLToPath(new URL('../../../reference-impl/', import.meta.url));
const CONFORMANCE = fileURLToPath(new URL('../../', import.meta.url));

/** Builds the matrix from the current sources; `text` is exactly what the committed file holds. */
export function generateTraceability(): {
  traceability: Traceability;
  problems: TraceabilityProblems;
  text: string;
} {
  const index = require('@openstage/spec/requirements.json') as RequirementsIndex;
  const untestable = JSON.parse(readFileSync(UNTESTABLE_PATH, 'utf8')) as UntestableFile;
  const { traceability, problems } = buildTraceability(
    index,
    // The runtime and service tests, and the checks the `features` command runs on a package.
    [...conformanceTests, ...FEATURE_CHECKS],
    [...referenceImplTests(REFERENCE_IMPL), ...titledTests(CONFORMANCE, 'conformance', ['test'])],
    untestable,
  );
  return { traceability, problems, text: `${JSON.stringify(traceability, null, 2)}\n` };
}
