/**
 * conformance/traceability.json, as the site reads it: which tests check each requirement
 * (conformance suite or reference-impl's own tests), which requirements cannot be tested and
 * why, and the coverage of each chapter. Read defensively: a file of another shape yields
 * nothing rather than invented data.
 */

import type {
  TraceabilityChapter,
  TraceabilityRequirement as RequirementEntry,
  TraceabilityTest,
} from '@openstage/conformance';

export type { TraceabilityTest };

/** A requirement's entry; its keyword is read as any string ('' when the file has none). */
export type TraceabilityRequirement = Omit<RequirementEntry, 'keyword'> & { keyword: string };

/** The coverage of one chapter's MUST requirements. */
export type ChapterCoverage = TraceabilityChapter;

/** The parts of the file the site shows. */
export interface Traceability {
  requirements: Record<string, TraceabilityRequirement>;
  chapters: ChapterCoverage[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readTest(value: unknown): TraceabilityTest[] {
  if (!isObject(value) || typeof value['id'] !== 'string') return [];
  const suite = value['suite'] === 'reference-impl' ? 'reference-impl' : 'conformance';
  return [{ id: value['id'], suite }];
}

function readChapter(value: unknown): ChapterCoverage[] {
  if (!isObject(value) || typeof value['chapter'] !== 'string') return [];
  const count = (key: string) => (typeof value[key] === 'number' ? (value[key] as number) : 0);
  return [
    {
      chapter: value['chapter'],
      area: typeof value['area'] === 'string' ? value['area'] : '',
      must: count('must'),
      covered: count('covered'),
      coveredByConformance: count('coveredByConformance'),
      untestable: count('untestable'),
      uncovered: count('uncovered'),
    },
  ];
}

/** The traceability data in `data`, or empty lists when it has another shape. */
export function readTraceability(data: unknown): Traceability {
  const requirements: Record<string, TraceabilityRequirement> = {};
  const root = isObject(data) ? data : {};
  if (isObject(root['requirements'])) {
    for (const [id, value] of Object.entries(root['requirements'])) {
      if (!isObject(value)) continue;
      requirements[id] = {
        keyword: typeof value['keyword'] === 'string' ? value['keyword'] : '',
        chapter: typeof value['chapter'] === 'string' ? value['chapter'] : '',
        tests: Array.isArray(value['tests']) ? value['tests'].flatMap(readTest) : [],
        untestable: typeof value['untestable'] === 'string' ? value['untestable'] : null,
      };
    }
  }
  const chapters = Array.isArray(root['chapters']) ? root['chapters'].flatMap(readChapter) : [];
  return { requirements, chapters };
}
