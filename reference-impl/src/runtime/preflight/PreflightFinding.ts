import type { ErrorCode } from '../../errors/errorCatalog.js';

/** Who a finding is about: the identifiers of the thing that has to change. */
export interface FindingCulprit {
  kind: 'plugin' | 'module' | 'service' | 'extensionPoint' | 'featureLoader' | 'feature' | 'config';
  pluginId?: string;
  moduleId?: string;
  serviceId?: string;
  extensionPointId?: string;
  /** A feature loader's description. */
  loader?: string;
  /** A feature path such as `features[3].featureType`. */
  path?: string;
  configPath?: string;
}

/**
 * One problem found by preflight validation, before anything ran.
 * `error` findings refuse startup; `warning` findings are only logged.
 */
export interface PreflightFinding {
  code: ErrorCode;
  severity: 'error' | 'warning';
  requirement: string;
  culprit: FindingCulprit;
  message: string;
  hint: string;
  /** For cycle findings: one full cycle, first element repeated at the end. */
  cycle?: string[];
}

/** What `validate()` resolves to. */
export interface ValidationResult {
  ok: boolean;
  findings: PreflightFinding[];
}
