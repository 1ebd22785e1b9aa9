/**
 * Regenerates conformance/traceability.json: every requirement of spec/requirements.json with
 * the conformance tests and reference-impl tests that name it, and per-chapter MUST coverage.
 *
 * Run: `npm run traceability --workspace @openstage/conformance` (add `--check` to only compare
 * with the committed file, `--gaps` to list the uncovered MUST requirements). Writing also adds
 * every chapter that reached full MUST coverage to traceability-gate.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatCoverage, uncoveredMusts } from './traceability/buildTraceability.js';
import {
  GATE_PATH,
  TRACEABILITY_PATH,
  generateTraceability,
} from './traceability/generateTraceability.js';

const args = process.argv.slice(2);
const { traceability, problems, text } = generateTraceability();
process.stdout.write(`${formatCoverage(traceability)}\n`);
const all = [
  ...problems.unknownIds,
  ...problems.testsWithoutRequirement,
  ...problems.badUntestable,
];
for (const problem of all) process.stderr.write(`problem: ${problem}\n`);
if (args.includes('--gaps')) {
  for (const [chapter, ids] of uncoveredMusts(traceability))
    process.stdout.write(`\n${chapter} (${ids.length} uncovered MUST): ${ids.join(', ')}\n`);
}
if (args.includes('--check')) {
  const committed = readFileSync(TRACEABILITY_PATH, 'utf8');
  if (committed !== text) {
    process.stderr.write(`${TRACEABILITY_PATH} is stale: run npm run traceability\n`);
    process.exit(1);
  }
} else {
  writeFileSync(TRACEABILITY_PATH, text);
  process.stdout.write(`wrote ${TRACEABILITY_PATH}\n`);
  // Ratchet: a chapter that reached full coverage is gated from now on. Dropping one stays a
  // deliberate edit of traceability-gate.json.
  const gate = JSON.parse(readFileSync(GATE_PATH, 'utf8')) as { strictChapters: string[] };
  const added = traceability.chapters
    .filter((c) => c.must > 0 && c.uncovered === 0 && !gate.strictChapters.includes(c.area))
    .map((c) => c.area);
  if (added.length > 0) {
    gate.strictChapters.push(...added);
    writeFileSync(GATE_PATH, `${JSON.stringify(gate, null, 2)}\n`);
    process.stdout.write(`gated from now on in ${GATE_PATH}: ${added.join(', ')}\n`);
  }
}
process.exit(all.length > 0 ? 1 : 0);
