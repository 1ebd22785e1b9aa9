/**
 * Where a command reads its working directory and writes its output. The real command line
 * writes to the process's streams; tests capture the text.
 */
export interface CliIo {
  /** The directory relative paths are resolved against. */
  cwd: string;
  /** Writes to standard output; `text` carries its own line breaks. */
  out(text: string): void;
  /** Writes to standard error; `text` carries its own line breaks. */
  err(text: string): void;
}
