/** A requirement level, as spec/requirements.json spells it. */
export type RequirementLevel = 'MUST' | 'SHOULD' | 'MAY';

/** A test that checks a requirement: of the conformance suite, or of the reference implementation. */
export interface TraceabilityTest {
  id: string;
  suite: 'conformance' | 'reference-impl';
}

/** What traceability.json says of one requirement. */
export interface TraceabilityRequirement {
  keyword: RequirementLevel;
  chapter: string;
  tests: TraceabilityTest[];
  /** Why the requirement cannot be checked by a test, or null. */
  untestable: string | null;
}

/** The coverage of one spec chapter's MUST requirements. */
export interface TraceabilityChapter {
  chapter: string;
  area: string;
  must: number;
  covered: number;
  coveredByConformance: number;
  untestable: number;
  uncovered: number;
}

/**
 * The requirement-to-test matrix of conformance/traceability.json (schema:
 * schemas/traceability.schema.json), written by `npm run traceability`.
 */
export interface Traceability {
  $comment: string;
  specVersion: string;
  requirements: Record<string, TraceabilityRequirement>;
  chapters: TraceabilityChapter[];
}
