import { OpenstageError } from '../../errors/OpenstageError.js';
import type { PreflightFinding } from './PreflightFinding.js';

function describe(f: PreflightFinding): string {
  const ids = (
    [
      'pluginId',
      'moduleId',
      'serviceId',
      'extensionPointId',
      'loader',
      'configPath',
      'path',
    ] as const
  )
    .filter((key) => f[key] !== undefined)
    .map((key) => `${key}=${f[key]}`)
    .join(' ');
  return `  [${f.code}] ${ids}: ${f.message}`;
}

/**
 * Thrown by `start()` when preflight validation found an error that the
 * boot-failure policy does not allow (INIT-104). Nothing was started;
 * `findings` holds every finding of both severities, in `validate()` order
 * (INIT-109), and the message lists each error on a line (INIT-110).
 */
export class BackendPreflightError extends OpenstageError<'INIT_PREFLIGHT_FAILED'> {
  override readonly name = 'BackendPreflightError';
  readonly findings: PreflightFinding[];

  constructor(findings: readonly PreflightFinding[]) {
    const errors = findings.filter((f) => f.severity === 'error');
    super('INIT_PREFLIGHT_FAILED', {
      count: errors.length,
      summary: errors.map(describe).join('\n'),
    });
    this.findings = [...findings];
  }
}
