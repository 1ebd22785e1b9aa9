import type { CliCommand } from '../CliCommand.js';
import { CliError } from '../CliError.js';
import type { CliIo } from '../CliIo.js';
import { configFindings } from '../backend/configFindings.js';
import { prepareCliBackend } from '../backend/prepareCliBackend.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { BACKEND_OPTIONS, BACKEND_OPTIONS_HELP } from './backendOptions.js';

const FORMATS = ['json', 'mermaid'] as const;

const help = `Usage: openstage graph [entry] [--config <file>]... [--format json|mermaid]

Prints the resolved wiring of a backend without starting it (backend.graph()): plugins,
modules, services and extension points as nodes, who depends on and provides what as edges,
sorted so that the output only changes when the wiring does.

${BACKEND_OPTIONS_HELP}
  --format <format>    json (default): the graph as data, nodes and edges.
                       mermaid: a Mermaid flowchart, for documentation and reviews.

Examples:
  openstage graph --config app-config.yaml
  openstage graph dist/features.js --format mermaid > wiring.mmd
`;

/** `openstage graph`: the wiring graph as JSON or Mermaid. */
export const graphCommand: CliCommand = {
  name: 'graph',
  summary: 'Print the resolved wiring graph (JSON or Mermaid)',
  help,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      'graph',
      args,
      { ...BACKEND_OPTIONS, format: { type: 'string', default: 'json' } },
      { names: ['entry'], required: 0 },
    );
    if (values.help) {
      io.out(help);
      return 0;
    }
    const format = values.format;
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw CliError.usage(
        `Unknown --format '${format}' for 'openstage graph': use ${FORMATS.join(' or ')}. Run 'openstage graph --help' for its usage.`,
      );
    }
    const prepared = await prepareCliBackend(
      {
        config: values.config ?? [],
        ...(positionals[0] !== undefined ? { entry: positionals[0] } : {}),
        mode: 'check',
      },
      io,
    );
    if (!prepared.ok) {
      const [first] = configFindings(prepared.configError);
      throw new CliError(
        `The configuration is invalid (${first!.code}: ${first!.message.split('\n')[0]}); run ` +
          `'openstage validate' with the same arguments to see every problem.`,
      );
    }
    const graph = await prepared.backend.graph();
    await prepared.backend.stop();
    io.out(format === 'json' ? `${JSON.stringify(graph, null, 2)}\n` : graph.toMermaid());
    return 0;
  },
};
