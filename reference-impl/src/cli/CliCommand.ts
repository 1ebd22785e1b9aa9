import type { CliIo } from './CliIo.js';

/** One `openstage <name>` command. */
export interface CliCommand {
  /** The word after `openstage`. */
  name: string;
  /** One line for the overview of `openstage --help`. */
  summary: string;
  /** The full text of `openstage <name> --help`: usage, arguments, options and examples. */
  help: string;
  /**
   * Runs the command with the arguments after its name. Resolves to the exit status; throws a
   * `CliError` for a failure that is reported as one line.
   */
  run(args: string[], io: CliIo): Promise<number>;
}
