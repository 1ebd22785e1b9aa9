/**
 * One deliberately broken variant of the reference implementation: a single textual edit of one
 * file of `reference-impl/src`, and what the conformance suite must say about it.
 */
export interface Mutant {
  /** Kebab-case name, unique among all mutants. */
  name: string;
  /** One line: the bug the edit introduces. */
  description: string;
  /** The edited file, relative to `reference-impl/src`. */
  file: string;
  /**
   * Exact text to replace. It must occur exactly once in `file`; otherwise the mutant is stale
   * (the reference changed under it) and the mutants test fails saying so.
   */
  find: string;
  replace: string;
  /**
   * Requirement ids the mutant violates. Each must be named by at least one test that does not
   * pass against the mutant.
   */
  breaks: readonly string[];
  /** Conformance test ids that must not pass against the mutant. */
  tests?: readonly string[];
}
