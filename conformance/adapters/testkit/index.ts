/**
 * The built-in `testkit` adapter: the reference test kit's `createTestBackend` (the backend of
 * `startTestBackend`, not yet started), judged by the runtime suite as CLS-014 requires: a test
 * kit builds its test backends on a runtime that meets the `runtime` class, except where the Test
 * utilities chapter specifies different behaviour. Tests of such behaviour carry a `testkit`
 * exemption naming the TEST requirement and end as not-supported here.
 *
 * This file lives outside `src/` because `src/` never imports an implementation.
 */
import { createRequire } from 'node:module';
import { createTestBackend, mockServices } from '@openstage/reference-impl/testing';
import type { AdapterBackend, ConformanceAdapter } from '../../src/harness/ConformanceAdapter.js';

const require = createRequire(import.meta.url);
const { version, dependencies } = require('@openstage/reference-impl/package.json') as {
  version: string;
  dependencies: Record<string, string>;
};

const serviceId = (factory: unknown): unknown =>
  (factory as { service?: { id?: unknown } } | null)?.service?.id;

const adapter: ConformanceAdapter = {
  name: 'testkit',
  implementation: '@openstage/reference-impl/testing',
  version,
  specVersion: dependencies['@openstage/spec'],
  classes: ['testkit'],
  supports: {},
  createBackend({ features, services, config }) {
    // The suite's configuration through the kit's own rootConfig fake (TEST-020), unless the
    // test brings its own rootConfig.
    const ownConfig = services.some((s) => serviceId(s) === 'core.rootConfig');
    const backend = createTestBackend({
      // The features first, so that findings name them by the index the suite gave them; the
      // suite's default factories are features too (TEST-004).
      features: [
        ...features,
        ...services,
        ...(ownConfig ? [] : [mockServices.rootConfig.factory({ data: config })]),
      ] as never,
    });
    // The kit's TestBackend type spells module node ids more loosely than the suite's.
    return backend as unknown as AdapterBackend;
  },
};

export default adapter;
