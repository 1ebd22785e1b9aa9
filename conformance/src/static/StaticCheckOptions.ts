/** What {@link checkStaticConformance} checks: exported symbols of an implementation against spec types. */
export interface StaticCheckOptions {
  /** The implementation's tsconfig.json; its compiler options and module resolution are used. */
  project: string;
  /**
   * The module whose exports are checked when a mapping key names no module of its own: a file
   * path (`.ts` or `.d.ts`, relative to `cwd`) or a package specifier resolved from the
   * project's directory. Defaults to the `types` of the package.json next to the tsconfig.
   */
  entry?: string;
  /** The module exporting the spec's types; default `@openstage/spec`. */
  spec?: string;
  /**
   * Implementation symbol to spec type name. A key is `Symbol` (exported by `entry`) or
   * `<module>#Symbol`, with `<module>` a path or specifier as for `entry`. A class is checked by
   * its instance type, an interface or type alias as itself, any other value by its `typeof`.
   */
  symbols: Readonly<Record<string, string>>;
  /** Base for relative paths; default `process.cwd()`. */
  cwd?: string;
}

/** The verdict for one mapped symbol. */
export interface StaticSymbolResult {
  /** The mapping key, as given. */
  symbol: string;
  /** The spec type it must satisfy. */
  specType: string;
  ok: boolean;
  /** The type checker's explanations, one per problem; empty when `ok`. */
  problems: string[];
}

/** The verdict for a whole mapping. */
export interface StaticCheckReport {
  project: string;
  spec: string;
  ok: boolean;
  results: StaticSymbolResult[];
}
