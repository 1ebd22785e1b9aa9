import type { ConformanceAdapter } from './ConformanceAdapter.js';
import { HarnessError } from './HarnessError.js';
import { SPEC_VERSION, SUITE_VERSION } from './version.js';

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * Refuses an adapter whose declared `specVersion` is not the specification version this suite
 * release targets (CLS-025): its report could not back a claim for the version it names.
 * Adapters that declare no version are judged against the suite's own target.
 */
export function checkSpecVersion(
  adapter: Pick<ConformanceAdapter, 'name' | 'specVersion'>,
  targeted: string = SPEC_VERSION,
): void {
  const declared = adapter.specVersion;
  if (declared === undefined) return;
  if (typeof declared !== 'string' || !SEMVER.test(declared))
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ADAPTER',
      `adapter '${adapter.name}': specVersion must be a full semantic version such as "${targeted}", received ${JSON.stringify(declared)}`,
    );
  if (declared !== targeted)
    throw new HarnessError(
      'CLS_SPEC_VERSION_MISMATCH',
      `adapter '${adapter.name}' declares @openstage/spec ${declared}, but @openstage/conformance ${SUITE_VERSION} targets @openstage/spec ${targeted}; run the suite release that targets ${declared}, or update the adapter's specVersion`,
    );
}
