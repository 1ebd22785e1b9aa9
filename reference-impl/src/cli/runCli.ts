import { cliCommands } from './commands/index.js';
import { CliError } from './CliError.js';
import type { CliIo } from './CliIo.js';
import { referenceImplVersion } from './new/templateVersions.js';

function overview(): string {
  const width = Math.max(...cliCommands.map((c) => c.name.length));
  return `Usage: openstage <command> [arguments] [options]

The Openstage command line: create feature packages, and start, check or inspect a backend.

Commands:
${cliCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'openstage <command> --help' for a command's arguments, options and examples.

Examples:
  openstage new plugin todo
  openstage validate --config app-config.yaml
  openstage graph --format mermaid
  openstage start --config app-config.yaml
`;
}

/**
 * Runs `openstage` with `argv` (the arguments after the program name) and resolves to the exit
 * status. Failures are written to `io.err` as one line starting with `Error:`; they are 2 for
 * usage errors and 1 otherwise.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${referenceImplVersion()}\n`);
    return 0;
  }
  try {
    const command = cliCommands.find((c) => c.name === name);
    if (command === undefined) {
      throw CliError.usage(
        name.startsWith('-')
          ? `Unknown option '${name}': options come after the command. Run 'openstage --help' for the commands.`
          : `Unknown command '${name}': use one of ${cliCommands.map((c) => c.name).join(', ')}. Run 'openstage --help' for the commands.`,
      );
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`Error: ${error.message}\n`);
      return error.exitCode;
    }
    // Anything else is unexpected: still one line, with what failed.
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
