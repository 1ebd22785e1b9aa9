import type { CliCommand } from '../CliCommand.js';
import type { CliFinding } from '../backend/CliFinding.js';
import { configFindings } from '../backend/configFindings.js';
import { findingsOfValidation } from '../backend/findingsOfValidation.js';
import { formatFinding } from '../backend/formatFinding.js';
import { backendCommand } from './backendCommand.js';
import { BACKEND_OPTIONS_HELP } from './backendOptions.js';

const help = `Usage: openstage validate [entry] [--config <file>]...

Checks a backend without starting it: loads and validates the configuration against its
schemas, then runs the runtime's preflight (backend.validate()): missing services and extension
points, cycles, duplicate ids, scope violations, invalid startup settings. Nothing is
initialized and no port is opened. Prints every finding with its code, culprit and hint.

Exit status: 0 without findings, 1 when there is any finding (warnings included), 2 for a usage
error.

${BACKEND_OPTIONS_HELP}

Examples:
  openstage validate --config app-config.yaml
  openstage validate dist/features.js --config app-config.yaml --config app-config.production.yaml
`;

/** `openstage validate`: configuration and preflight checks, every finding printed. */
export const validateCommand: CliCommand = backendCommand({
  name: 'validate',
  summary: 'Check configuration and wiring without starting anything',
  help,
  mode: 'check',
  async act(prepared, io) {
    let findings: CliFinding[];
    let checkedWiring = true;
    if (!prepared.ok) {
      findings = configFindings(prepared.configError);
      checkedWiring = false;
    } else {
      const result = await prepared.backend.validate();
      findings = findingsOfValidation(result.findings);
      await prepared.backend.stop();
    }
    for (const finding of findings) io.out(formatFinding(finding));
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    if (findings.length === 0) {
      io.out('No findings: the configuration and the wiring are valid.\n');
      return 0;
    }
    io.out(
      `\n${findings.length} finding(s): ${errors} error(s), ${warnings} warning(s).` +
        (checkedWiring ? '\n' : ' The wiring was not checked: correct the configuration first.\n'),
    );
    return 1;
  },
});
