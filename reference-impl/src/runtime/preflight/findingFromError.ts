import { CULPRIT_STRING_KEYS } from '../../errors/culpritKeys.js';
import { OpenstageError } from '../../errors/OpenstageError.js';
import type { FindingCulprit, PreflightFinding } from './PreflightFinding.js';

/**
 * Makes a finding from a catalog error: the finding carries the same
 * identifiers the error does (BACK-062), and the error's `cause` (BACK-097).
 */
export function findingOf(
  error: OpenstageError,
  severity: PreflightFinding['severity'] = 'error',
): PreflightFinding {
  const details = error.details as Record<string, unknown>;
  const culprit: FindingCulprit = {};
  for (const field of CULPRIT_STRING_KEYS) {
    const value = details[field];
    if (typeof value === 'string') culprit[field] = value;
  }
  const cycle = details['cycle'];
  return {
    code: error.code,
    severity,
    requirement: error.requirement,
    message: error.message,
    hint: error.hint,
    ...culprit,
    ...(Array.isArray(cycle) ? { cycle: cycle as string[] } : {}),
    ...(error.cause !== undefined ? { cause: error.cause } : {}),
  };
}

/** Rethrows anything that is not a catalog error; returns catalog errors. */
export function asCatalogError(error: unknown): OpenstageError {
  if (error instanceof OpenstageError) return error;
  throw error;
}

const cmp = (a: string | undefined, b: string | undefined): number =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

/**
 * Orders findings by severity (errors first), code, then culprit ids, absent
 * values first, comparing by UTF-16 code units (BACK-071, BACK-072).
 */
export function compareFindings(a: PreflightFinding, b: PreflightFinding): number {
  return (
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    cmp(a.code, b.code) ||
    cmp(a.pluginId, b.pluginId) ||
    cmp(a.moduleId, b.moduleId) ||
    cmp(a.serviceId, b.serviceId) ||
    cmp(a.extensionPointId, b.extensionPointId) ||
    cmp(a.path, b.path) ||
    cmp(a.loader, b.loader) ||
    cmp(a.configPath, b.configPath) ||
    cmp(a.dependencyKey, b.dependencyKey)
  );
}

/** What a preflight error finding concerns (INIT-101 to INIT-103). */
export type FindingConcern =
  | { kind: 'plugin'; pluginId: string }
  | { kind: 'module'; pluginId: string; moduleId: string }
  | { kind: 'backend' };

export function concernOf(finding: PreflightFinding): FindingConcern {
  const { code, pluginId, moduleId } = finding;
  const dependentIsPlugin =
    pluginId !== undefined && moduleId === undefined && finding.serviceId === undefined;
  const dependentIsModule = pluginId !== undefined && moduleId !== undefined;
  if (
    (code === 'BACK_DUPLICATE_PLUGIN_ID' || code === 'INIT_MODULE_CYCLE') &&
    pluginId !== undefined
  ) {
    return { kind: 'plugin', pluginId };
  }
  if (
    (code === 'INIT_MISSING_DEPENDENCY' || code === 'EXT_ILLEGAL_DEPENDENCY') &&
    dependentIsPlugin
  ) {
    return { kind: 'plugin', pluginId };
  }
  if (
    (code === 'BACK_DUPLICATE_MODULE_ID' ||
      code === 'EXT_FOREIGN_EXTENSION_POINT' ||
      code === 'INIT_MISSING_DEPENDENCY') &&
    dependentIsModule
  ) {
    return { kind: 'module', pluginId, moduleId };
  }
  return { kind: 'backend' };
}
