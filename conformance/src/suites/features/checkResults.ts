import { requirementIndex } from '../../harness/version.js';
import type { FeatureCheckResult } from './FeatureCheckReport.js';

/** A check the features command runs: the requirements it judges and what it looks at. */
export interface CheckDefinition {
  requirements: readonly string[];
  description: string;
}

function levelOf(requirements: readonly string[]): FeatureCheckResult['level'] {
  const index = requirementIndex();
  const levels = requirements.map((id) => index.get(id)?.level);
  return levels.includes('MUST') ? 'MUST' : levels.includes('SHOULD') ? 'SHOULD' : 'MAY';
}

/**
 * The outcomes of one run of a fixed list of checks, in the list's order: every check ends up
 * passed, failed or skipped, each with its requirements and their strongest keyword.
 */
export function checkResults<Id extends string>(checks: Record<Id, CheckDefinition>) {
  const ids = Object.keys(checks) as Id[];
  const results = new Map<Id, FeatureCheckResult>();
  const set = (id: Id, status: FeatureCheckResult['status'], message?: string): void =>
    void results.set(id, {
      id,
      requirements: [...checks[id].requirements],
      level: levelOf(checks[id].requirements),
      description: checks[id].description,
      status,
      ...(message !== undefined ? { message } : {}),
    });
  return {
    set,
    /** Fails `id` with the problems found, or passes it when there are none. */
    judge(id: Id, problems: readonly string[]): void {
      set(id, problems.length > 0 ? 'failed' : 'passed', problems.join('; ') || undefined);
    },
    has: (id: Id) => results.has(id),
    /** Marks every check without an outcome yet as skipped, saying why. */
    skipRest(reason: string): void {
      for (const id of ids) if (!results.has(id)) set(id, 'skipped', reason);
    },
    list: (): FeatureCheckResult[] => ids.map((id) => results.get(id)!),
  };
}
