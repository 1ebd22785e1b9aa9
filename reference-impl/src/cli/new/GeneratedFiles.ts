/** The files of a package to generate: relative path (with `/`) to text. */
export type GeneratedFiles = Record<string, string>;
