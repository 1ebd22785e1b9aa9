/**
 * The test IDs that check `requirementId`, from conformance/traceability.json.
 *
 * The suite's traceability format is being written in parallel with the site, so this accepts
 * the two obvious shapes and returns nothing for anything else (the page then shows "—", never
 * invented data):
 *
 * - `{ "requirements": { "INIT-004": ["init/handlers.test"] } }` (or `{ "tests": [...] }` as value)
 * - `{ "requirements": [{ "id": "INIT-004", "tests": ["init/handlers.test"] }] }`
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
