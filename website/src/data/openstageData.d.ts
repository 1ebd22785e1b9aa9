// Types of the data modules aliased by src/plugins/openstageData.ts.

declare module '@openstage-data/requirements.json' {
  export interface RequirementChapter {
    id: string;
    title: string;
    area: string;
    file: string;
    requirements: number;
  }
  export interface Requirement {
    id: string;
    keyword: string;
    level: 'MUST' | 'SHOULD' | 'MAY';
    chapter: string;
    anchor: string;
    text: string;
    errorCode: string | null;
    classes: string[];
    status: 'active' | 'withdrawn';
    withdrawnIn: string | null;
  }
  const data: { specVersion: string; chapters: RequirementChapter[]; requirements: Requirement[] };
  export default data;
}

declare module '@openstage-data/traceability.json' {
  // The conformance suite's format is not fixed yet; src/pages/requirements.tsx reads it
  // defensively (see testsFor there).
  const data: unknown;
  export default data;
}
