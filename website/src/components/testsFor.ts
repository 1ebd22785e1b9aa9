/**
 * The test IDs that check `requirementId`, from conformance/traceability.json, whose entries are
 * `{ "requirements": { "INIT-004": { "tests": [{ "id": "...", "suite": "conformance" }] } } }`
 * (see src/data/traceability.ts). Plain string lists and an array of `{ id, tests }` entries are
 * accepted too; anything else yields nothing (the page then shows "—", never invented data).
 */
export function testsFor(traceability: unknown, requirementId: string): string[] {
  const requirements = (traceability as { requirements?: unknown } | null)?.requirements;
  let entry: unknown;
  if (Array.isArray(requirements)) {
    entry = requirements.find((r: unknown) => (r as { id?: unknown } | null)?.id === requirementId);
  } else if (requirements && typeof requirements === 'object') {
    entry = (requirements as Record<string, unknown>)[requirementId];
  }
  const tests = Array.isArray(entry) ? entry : (entry as { tests?: unknown } | undefined)?.tests;
  if (!Array.isArray(tests)) return [];
  return tests.flatMap((t: unknown) =>
    typeof t === 'string'
      ? [t]
      : typeof (t as { id?: unknown })?.id === 'string'
        ? [(t as { id: string }).id]
        : [],
  );
}
