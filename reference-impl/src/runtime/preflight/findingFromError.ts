import { OpenstageError } from '../../errors/OpenstageError.js';
import type { FindingCulprit, PreflightFinding } from './PreflightFinding.js';

const CULPRIT_FIELDS = ['pluginId', 'moduleId', 'serviceId', 'extensionPointId', 'loader', 'path', 'configPath'] as const;

/**
 * Makes a finding from a catalog error: the culprit carries the same
 * identifiers the error does, so findings and errors name culprits alike.
 */
export function findingOf(
  error: OpenstageError,
  kind: FindingCulprit['kind'],
  severity: PreflightFinding['severity'] = 'error',
): PreflightFinding {
  const details = error.details as Record<string, unknown>;
  const culprit: FindingCulprit = { kind };
  for (const field of CULPRIT_FIELDS) {
    const value = details[field];
    if (typeof value === 'string') culprit[field] = value;
  }
  const cycle = details['cycle'];
  return {
    code: error.code,
    severity,
    requirement: error.requirement,
    culprit,
    message: error.message,
    hint: error.hint,
    ...(Array.isArray(cycle) ? { cycle: cycle as string[] } : {}),
  };
}

/** Rethrows anything that is not a catalog error; returns catalog errors. */
export function asCatalogError(error: unknown): OpenstageError {
  if (error instanceof OpenstageError) return error;
  throw error;
}

const cmp = (a: string | undefined, b: string | undefined): number =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

/** Orders findings by code, then by culprit ids, absent values first (INIT-112). */
export function compareFindings(a: PreflightFinding, b: PreflightFinding): number {
  return (
    cmp(a.code, b.code) ||
    cmp(a.culprit.pluginId, b.culprit.pluginId) ||
    cmp(a.culprit.moduleId, b.culprit.moduleId) ||
    cmp(a.culprit.serviceId, b.culprit.serviceId) ||
    cmp(a.culprit.extensionPointId, b.culprit.extensionPointId) ||
    cmp(a.culprit.loader, b.culprit.loader) ||
    cmp(a.culprit.configPath, b.culprit.configPath) ||
    cmp(a.culprit.path, b.culprit.path)
  );
}
