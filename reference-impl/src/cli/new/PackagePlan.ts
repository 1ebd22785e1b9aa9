import type { GeneratedFiles } from './GeneratedFiles.js';

/** What `openstage new` is about to write: where, under which name, and what to tell the user. */
export interface PackagePlan {
  /** How the created thing is named in the output, such as `plugin 'todo'`. */
  what: string;
  /** The npm package name. */
  packageName: string;
  /** The folder to create; it must not exist. */
  dir: string;
  files: GeneratedFiles;
  /** Lines printed after the file list, such as which extension points a module uses. */
  notes: string[];
}

/** Where a kind puts its package when `--dir` is not given, and the npm scope to name it in. */
export interface PlanContext {
  scope: string;
  /** Resolves a default folder (relative to the workspace root) or the `--dir` value. */
  target(defaultFolder: string): string;
  /** The workspace root, when there is one. */
  workspaceRoot: string | undefined;
}
