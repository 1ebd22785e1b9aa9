import type { AllowBootFailurePredicate } from './createAllowBootFailurePredicate.js';
import { concernOf } from './preflight/findingFromError.js';
import type { PreflightFinding } from './preflight/PreflightFinding.js';

/** What the boot-failure policy makes of the preflight error findings. */
export interface PreflightVerdict {
  /** Some error concerns the backend, or a plugin or module whose failure is not allowed (INIT-104). */
  fatal: boolean;
  /** Allowed plugin failures, with every finding concerning each, in validate() order (INIT-106). */
  skippedPlugins: Map<string, PreflightFinding[]>;
  /** Allowed module failures, by plugin id then module id. */
  skippedModules: Map<string, Map<string, PreflightFinding[]>>;
}

/** Sorts the error findings by what they concern (INIT-101 to INIT-106). */
export function applyBootFailurePolicy(
  findings: readonly PreflightFinding[],
  allow: AllowBootFailurePredicate,
): PreflightVerdict {
  const verdict: PreflightVerdict = {
    fatal: false,
    skippedPlugins: new Map(),
    skippedModules: new Map(),
  };
  for (const finding of findings) {
    if (finding.severity !== 'error') continue;
    const concern = concernOf(finding);
    if (concern.kind === 'backend') {
      verdict.fatal = true;
    } else if (concern.kind === 'plugin') {
      if (!allow(concern.pluginId)) verdict.fatal = true;
      else
        verdict.skippedPlugins.set(concern.pluginId, [
          ...(verdict.skippedPlugins.get(concern.pluginId) ?? []),
          finding,
        ]);
    } else if (!allow(concern.pluginId, concern.moduleId)) {
      verdict.fatal = true;
    } else {
      const modules =
        verdict.skippedModules.get(concern.pluginId) ?? new Map<string, PreflightFinding[]>();
      modules.set(concern.moduleId, [...(modules.get(concern.moduleId) ?? []), finding]);
      verdict.skippedModules.set(concern.pluginId, modules);
    }
  }
  return verdict;
}

/** The error recorded for a plugin or module that preflight findings concern (INIT-106). */
export function preflightFailure(findings: PreflightFinding[]): Error {
  const first = findings[0]!;
  return Object.assign(new Error(first.message), {
    name: 'OpenstageError',
    code: first.code,
    ...(first.pluginId !== undefined ? { pluginId: first.pluginId } : {}),
    ...(first.moduleId !== undefined ? { moduleId: first.moduleId } : {}),
    findings,
  });
}
