/**
 * A problem the spec checker found, located at a file and line so an editor can jump to it.
 */
export interface Finding {
  /** Path relative to the spec package root, with forward slashes. */
  file: string;
  /** 1-based line number; 0 when the problem concerns the whole file. */
  line: number;
  /** Stable rule name, e.g. `keyword-count`; tests assert rules, not messages. */
  rule: FindingRule;
  message: string;
}

export type FindingRule =
  | 'frontmatter'
  | 'malformed-id'
  | 'duplicate-id'
  | 'area-mismatch'
  | 'keyword-count'
  | 'keyword-outside-requirement'
  | 'annotation'
  | 'error-table'
  | 'error-code-format'
  | 'error-code-duplicate'
  | 'error-code-unknown'
  | 'error-code-unused'
  | 'stale-generated'
  | 'tsdoc-missing'
  | 'requirement-tag-unknown';

export function formatFinding(f: Finding): string {
  return `spec/${f.file}:${f.line}: [${f.rule}] ${f.message}`;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);
}
