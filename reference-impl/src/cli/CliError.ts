/**
 * A failure the command line reports as one line on standard error, with a non-zero exit status.
 * The message names the culprit (command, option, id, folder or file) and says what to do.
 *
 * `exitCode` is 2 for usage errors (unknown command or option, missing or extra argument) and 1
 * for everything else, so scripts can tell a typo from a failed check.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: 1 | 2;

  constructor(message: string, options: { exitCode?: 1 | 2; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? 1;
  }

  /** A usage error: exit status 2. */
  static usage(message: string): CliError {
    return new CliError(message, { exitCode: 2 });
  }
}
