import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The version of the rules in INTERPRETING.md. Bump it whenever those rules change (how tests
 * are run, timed out or judged), so that a consumer can tell why results moved.
 */
export const INTERPRETING_VERSION = 2;

/** The directory of the suite's package (its package.json), in both src/ and dist/ layouts. */
export const PACKAGE_ROOT: string = dirname(require.resolve('@openstage/conformance/package.json'));

/** The suite's own package version. */
export const SUITE_VERSION: string = (
  require('@openstage/conformance/package.json') as { version: string }
).version;

/** The specification version the suite targets (CLS-025). */
export const SPEC_VERSION: string = (require('@openstage/spec/package.json') as { version: string })
  .version;

interface RequirementEntry {
  id: string;
  level: 'MUST' | 'SHOULD' | 'MAY';
  status: string;
}

let index: Map<string, RequirementEntry> | undefined;

/** The requirement index of the targeted spec, by id. */
export function requirementIndex(): Map<string, RequirementEntry> {
  index ??= new Map(
    (
      require('@openstage/spec/requirements.json') as { requirements: RequirementEntry[] }
    ).requirements.map((r) => [r.id, r]),
  );
  return index;
}
