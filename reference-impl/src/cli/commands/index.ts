import type { CliCommand } from '../CliCommand.js';
import { graphCommand } from './graphCommand.js';
import { newCommand } from './newCommand.js';
import { startCommand } from './startCommand.js';
import { validateCommand } from './validateCommand.js';

/** Every `openstage` command, in the order `openstage --help` lists them. */
export const cliCommands: readonly CliCommand[] = [
  newCommand,
  startCommand,
  validateCommand,
  graphCommand,
];
