import { culpritOf } from './culpritOf.js';
import type { CliFinding } from './CliFinding.js';

/**
 * The findings of a configuration that failed to load or validate: one per schema problem for
 * `CONF_SCHEMA_VALIDATION_FAILED` (each naming its config path), else one for the error.
 */
export function configFindings(error: unknown): CliFinding[] {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    hint?: unknown;
    message?: unknown;
    problems?: unknown;
  };
  const code = typeof fields.code === 'string' ? fields.code : 'CONF_LOAD_FAILED';
  const hint =
    typeof fields.hint === 'string' && fields.hint !== ''
      ? fields.hint
      : 'Correct the configuration files passed with --config.';
  if (Array.isArray(fields.problems) && fields.problems.length > 0) {
    return fields.problems.map((problem: unknown) => {
      const { path, message } = problem as { path?: unknown; message?: unknown };
      const configPath = typeof path === 'string' && path !== '' ? path : '<root>';
      return {
        code,
        severity: 'error',
        message: `${configPath}: ${String(message)}`,
        hint,
        culprit: { configPath },
      };
    });
  }
  return [
    {
      code,
      severity: 'error',
      message: typeof fields.message === 'string' ? fields.message : String(error),
      hint,
      culprit: culpritOf(fields),
    },
  ];
}
