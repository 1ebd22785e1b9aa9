import { describe, expect, it } from 'vitest';
import reference from '../adapters/reference/index.js';
import { checkSpecVersion } from '../src/harness/checkSpecVersion.js';
import { HarnessError } from '../src/harness/HarnessError.js';
import { runConformance } from '../src/harness/runConformance.js';
import { SPEC_VERSION } from '../src/harness/version.js';
import { runtimeTests } from '../src/suites/index.js';

const thrown = (action: () => unknown): HarnessError => {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(HarnessError);
    return error as HarnessError;
  }
  throw new Error('expected a HarnessError');
};

describe('the adapter spec version (CLS-025)', () => {
  it('the reference adapter declares the spec version the suite targets', () => {
    expect(reference.specVersion).toBe(SPEC_VERSION);
    expect(() => checkSpecVersion(reference)).not.toThrow();
  });

  it('an adapter without a declared version is judged against the suite target', () => {
    expect(() => checkSpecVersion({ name: 'plain' })).not.toThrow();
  });

  it('a different version is CLS_SPEC_VERSION_MISMATCH naming the adapter and both versions', () => {
    const error = thrown(() => checkSpecVersion({ name: 'future', specVersion: '9.4.0' }, '0.1.0'));
    expect(error.code).toBe('CLS_SPEC_VERSION_MISMATCH');
    expect(error.message).toContain("adapter 'future'");
    expect(error.message).toContain('@openstage/spec 9.4.0');
    expect(error.message).toContain('targets @openstage/spec 0.1.0');
  });

  it('a version that is not a full semantic version is an invalid adapter', () => {
    const error = thrown(() => checkSpecVersion({ name: 'sloppy', specVersion: '1.0' }));
    expect(error.code).toBe('CONF_HARNESS_INVALID_ADAPTER');
    expect(error.message).toContain('"1.0"');
  });

  it('runConformance refuses a mismatching adapter before running any test', async () => {
    let created = 0;
    const adapter = {
      ...reference,
      specVersion: '99.0.0',
      createBackend: (options: Parameters<typeof reference.createBackend>[0]) => {
        created++;
        return reference.createBackend(options);
      },
    };
    await expect(runConformance({ adapter, tests: runtimeTests })).rejects.toMatchObject({
      code: 'CLS_SPEC_VERSION_MISMATCH',
    });
    expect(created).toBe(0);
  });
});
