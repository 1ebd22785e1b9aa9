import type { Bcp14Keyword, RequirementLevel } from './bcp14.js';

/** The conformance classes a requirement can bind (see docs/01-conformance.md). */
export const CONFORMANCE_CLASSES = ['runtime', 'service', 'feature', 'testkit'] as const;
export type ConformanceClass = (typeof CONFORMANCE_CLASSES)[number];

export interface Requirement {
  id: string;
  /** `null` only for a withdrawn requirement whose text no longer holds a keyword. */
  keyword: Bcp14Keyword | null;
  level: RequirementLevel | null;
  /** The requirement sentence, without its ID and annotations, soft breaks joined. */
  text: string;
  errorCode: string | null;
  classes: ConformanceClass[];
  status: 'active' | 'withdrawn';
  withdrawnIn: string | null;
  line: number;
}

export interface ErrorEntry {
  code: string;
  requirements: string[];
  raisedWhen: string;
  howToFix: string;
  line: number;
}

export interface Chapter {
  /** Path relative to the spec root, e.g. `docs/services/cache.md`. */
  file: string;
  /** Path of the page below `docs/` without extension, e.g. `services/cache`. */
  docPath: string;
  id: string;
  title: string;
  area: string;
  classes: ConformanceClass[];
  position: number;
  requirements: Requirement[];
  errors: ErrorEntry[];
}
