import type { CliCommand } from '../CliCommand.js';
import type { CliIo } from '../CliIo.js';
import { prepareCliBackend, type PreparedCliBackend } from '../backend/prepareCliBackend.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { BACKEND_OPTIONS } from './backendOptions.js';

/** What a command built by {@link backendCommand} supplies. */
export interface BackendCommandOptions {
  name: string;
  summary: string;
  help: string;
  /** `run` serves and watches the configuration; `check` starts nothing (see CliBackendOptions). */
  mode: 'run' | 'check';
  /** What the command does with the backend built from `[entry]` and `--config`. */
  act(prepared: PreparedCliBackend, io: CliIo): Promise<number>;
}

/**
 * A command that takes the backend options (`[entry]`, `--config`) and works on the backend
 * they describe: `--help` prints the help, anything else loads the configuration and builds the
 * backend once, the same way for every such command, before handing it to `act`.
 */
export function backendCommand(options: BackendCommandOptions): CliCommand {
  const { name, summary, help, mode, act } = options;
  return {
    name,
    summary,
    help,
    async run(args: string[], io: CliIo): Promise<number> {
      const { values, positionals } = parseCommandArgs(name, args, BACKEND_OPTIONS, {
        names: ['entry'],
        required: 0,
      });
      if (values.help) {
        io.out(help);
        return 0;
      }
      const prepared = await prepareCliBackend(
        {
          config: values.config ?? [],
          ...(positionals[0] !== undefined ? { entry: positionals[0] } : {}),
          mode,
        },
        io,
      );
      return act(prepared, io);
    },
  };
}
