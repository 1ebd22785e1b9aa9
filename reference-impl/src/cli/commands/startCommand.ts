import type { CliCommand } from '../CliCommand.js';
import { configFindings } from '../backend/configFindings.js';
import { findingsOfValidation } from '../backend/findingsOfValidation.js';
import { formatFinding } from '../backend/formatFinding.js';
import { formatStartupSummary } from '../../runtime/formatStartupSummary.js';
import { BackendPreflightError } from '../../runtime/preflight/BackendPreflightError.js';
import { backendCommand } from './backendCommand.js';
import { BACKEND_OPTIONS_HELP } from './backendOptions.js';

const help = `Usage: openstage start [entry] [--config <file>]...

Starts a backend: createBackend() with every core service on its defaults, the configuration
from --config, and the features of the entry file or of the packages listed under
backend.packages (package discovery). Once started it prints where it listens and a summary
of every plugin and module with its outcome and duration, and runs until it receives SIGINT
(Ctrl+C) or SIGTERM, which stop it gracefully.

Exit status: 1 when the configuration is invalid or the backend fails to start (each problem is
printed), 2 for a usage error.

${BACKEND_OPTIONS_HELP}

Examples:
  openstage start --config app-config.yaml
  openstage start dist/features.js --config app-config.yaml --config app-config.local.yaml
  APP_CONFIG_backend_listen_port=7008 openstage start
`;

/** `openstage start`: starts a backend and keeps it running. */
export const startCommand: CliCommand = backendCommand({
  name: 'start',
  summary: 'Start a backend from an entry file or backend.packages',
  help,
  mode: 'run',
  async act(prepared, io) {
    if (!prepared.ok) {
      for (const finding of configFindings(prepared.configError)) io.err(formatFinding(finding));
      io.err('The backend did not start: correct the configuration above.\n');
      return 1;
    }
    const { backend, listeningOn } = prepared;
    try {
      const { result } = await backend.start();
      io.out(formatStartupSummary(result, listeningOn() ?? 'http://localhost:7007'));
      // The HTTP server keeps the process alive; SIGINT and SIGTERM stop the backend.
      return 0;
    } catch (error) {
      if (error instanceof BackendPreflightError) {
        for (const finding of findingsOfValidation(error.findings)) io.err(formatFinding(finding));
        const errors = error.findings.filter((f) => f.severity === 'error').length;
        io.err(`The backend did not start: ${errors} error(s) above.\n`);
      } else {
        io.err(`The backend did not start: ${error instanceof Error ? error.message : error}\n`);
      }
      await backend.stop().catch(() => undefined);
      return 1;
    }
  },
});
