import { mockServices } from '@openstage/reference-impl/testing';
import type { ServiceFactory } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import reference from '../adapters/reference/index.js';
import type { ServiceUnderTest } from '../src/harness/ConformanceAdapter.js';
import { runConformance } from '../src/harness/runConformance.js';
import { withServices } from '../src/harness/withServices.js';
import { serviceTests } from '../src/suites/index.js';

/*
 * CLS-015: the reference test kit's working fakes, judged by the service suites at the interface
 * profile. Each fake replaces the reference default of its service; every other service stays the
 * reference default.
 */

const fake = (factory: ServiceUnderTest['factory']): ServiceUnderTest => ({
  profile: 'interface',
  factory,
});

async function judge(serviceId: string, underTest: ServiceUnderTest, chapter: string) {
  const tests = serviceTests.filter((t) => t.chapter === chapter);
  expect(tests.length).toBeGreaterThan(0);
  const report = await runConformance({
    adapter: withServices(reference, { [serviceId]: underTest }),
    tests,
  });
  return Object.fromEntries(report.results.map((r) => [r.id, [r.status, r.message ?? '']]));
}

describe('test kit fakes meet the interface profile (CLS-015)', () => {
  it('CLS-015: mockServices.rootConfig({ data }) passes every root-config service test', async () => {
    const results = await judge(
      'core.rootConfig',
      fake(
        ({ config }) =>
          mockServices.rootConfig.factory({ data: config }) as unknown as ServiceFactory,
      ),
      'service-root-config',
    );
    for (const [id, [status, message]] of Object.entries(results))
      expect(status, `${id}: ${message}`).toBe('passed');
  });

  it('CLS-015: mockServices.discovery() passes the discovery interface tests, except where TEST-077 differs', async () => {
    const results = await judge(
      'core.discovery',
      fake(() => mockServices.discovery.factory() as unknown as ServiceFactory),
      'service-discovery',
    );
    // TEST-077: the fake answers http://localhost:0/api/<pluginId>, which no server listens on.
    const { 'service-discovery/reaches-plugin-routes': _excepted, ...judged } = results;
    expect(Object.keys(judged)).toContain('service-discovery/base-urls');
    for (const [id, [status, message]] of Object.entries(judged))
      expect(['passed', 'not-supported'], `${id}: ${message}`).toContain(status);
    expect(Object.values(judged).some(([status]) => status === 'passed')).toBe(true);
  });
});
