import { OpenstageError } from '../../errors/OpenstageError.js';
import type { PreflightFinding } from './PreflightFinding.js';

function describe(f: PreflightFinding): string {
  const c = f.culprit;
  const ids = [c.pluginId, c.moduleId, c.serviceId, c.extensionPointId, c.loader, c.configPath, c.path]
    .filter((v) => v !== undefined)
    .join(' ');
  return `  [${f.code}] ${c.kind} ${ids}: ${f.message}`;
}

/**
 * Thrown by `start()` when preflight validation found at least one error.
 * Nothing was started; `findings` holds every finding of both severities.
 */
export class BackendPreflightError extends OpenstageError<'INIT_PREFLIGHT_FAILED'> {
  override readonly name = 'BackendPreflightError';
  readonly findings: readonly PreflightFinding[];

  constructor(findings: readonly PreflightFinding[]) {
    const errors = findings.filter((f) => f.severity === 'error');
    super('INIT_PREFLIGHT_FAILED', { count: errors.length, summary: errors.map(describe).join('\n') });
    this.findings = findings;
  }
}
