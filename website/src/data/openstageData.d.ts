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
  // Produced by the conformance package; read through readTraceability
  // (src/data/traceability.ts), which accepts nothing but the expected shape.
  const data: unknown;
  export default data;
}

declare module '@openstage-data/conformance-results.json' {
  // Written by src/plugins/openstageData.ts from conformance/results/*/report.json.
  // An ambient module cannot `import` a relative path, so the type is referenced inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const data: import('./conformanceResults').ConformanceResults;
  export default data;
}
