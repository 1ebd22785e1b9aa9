import type { Config, FakeClock, ServiceFactory } from '@openstage/spec';
import { coreServices, createServiceFactory } from '@openstage/reference-impl';
import { CacheManager } from '@openstage/reference-impl/services/cache';
import { createRootLoggerFromConfig } from '@openstage/reference-impl/services/rootLogger';
import { describe, expect, it } from 'vitest';
import backstage from '../adapters/backstage/index.js';
import reference from '../adapters/reference/index.js';
import type { ConformanceAdapter, ServiceUnderTest } from '../src/harness/ConformanceAdapter.js';
import { defineTest } from '../src/harness/ConformanceTest.js';
import { checkTests } from '../src/harness/checkTests.js';
import { loadExpectations } from '../src/harness/expectations.js';
import type { ConformanceReport } from '../src/harness/generated/ConformanceReport.js';
import { runConformance } from '../src/harness/runConformance.js';
import { withServices } from '../src/harness/withServices.js';
import { serviceTests } from '../src/suites/index.js';

const expectationsPath = (name: string) =>
  new URL(`../expectations/${name}.json`, import.meta.url).pathname;
const failedIds = (report: ConformanceReport) =>
  report.results.filter((r) => r.status === 'failed').map((r) => r.id);
const idsOf = (chapter: string) =>
  serviceTests.filter((t) => t.chapter === chapter).map((t) => t.id);

interface CacheLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, options?: { ttl?: unknown }): Promise<void>;
  delete(key: string): Promise<void>;
  withOptions(options: { defaultTtl?: unknown }): CacheLike;
}

/** A cache that keeps every entry with a numeric ttl one millisecond too long. */
function ttlOffByOne(inner: CacheLike): CacheLike {
  const longer = (ttl: unknown) => (typeof ttl === 'number' ? ttl + 1 : ttl);
  return {
    get: (key) => inner.get(key),
    set: (key, value, options) =>
      inner.set(key, value, options && { ...options, ttl: longer(options.ttl) }),
    delete: (key) => inner.delete(key),
    withOptions: (options) =>
      ttlOffByOne(inner.withOptions({ ...options, defaultTtl: longer(options.defaultTtl) })),
  };
}

/** The reference cache, built on options the mutant chooses. */
function cacheMutant(
  build: (clock: FakeClock | undefined) => {
    clock?: { now(): number };
    pluginId?: string;
    wrap?: (cache: CacheLike) => CacheLike;
  },
): ServiceUnderTest {
  return {
    profile: 'interface',
    clock: true,
    factory: ({ clock }) => {
      const choice = build(clock);
      return createServiceFactory({
        service: coreServices.cache,
        deps: {
          config: coreServices.rootConfig,
          rootLifecycle: coreServices.rootLifecycle,
          logger: coreServices.logger,
          pluginMetadata: coreServices.pluginMetadata,
        },
        createRootContext: ({ config, rootLifecycle }) =>
          CacheManager.fromConfig(config as unknown as Config, {
            ...(choice.clock ? { clock: choice.clock } : {}),
            rootLifecycle,
          }),
        factory: ({ pluginMetadata, logger }, manager) => {
          const cache = manager.forPlugin(choice.pluginId ?? pluginMetadata.getId(), { logger });
          if (!choice.wrap) return cache;
          // The wrapper is the mutation: it sees the cache through the suite's loose CacheLike
          // view, so its result is handed back as the service type without a static guarantee.
          return choice.wrap(cache as unknown as CacheLike) as unknown as typeof cache;
        },
      }) as unknown as ServiceFactory;
    },
  };
}

type Next = (error?: unknown) => void;
type Handler = (req: unknown, res: unknown, next: Next) => void;

/** An httpRouter that mounts plugin routes but has no credentials barrier (default allow). */
const defaultAllowRouter: ServiceUnderTest = {
  profile: 'interface',
  factory: () =>
    createServiceFactory({
      service: coreServices.httpRouter,
      deps: {
        rootHttpRouter: coreServices.rootHttpRouter,
        pluginMetadata: coreServices.pluginMetadata,
      },
      factory: ({ rootHttpRouter, pluginMetadata }) => {
        const handlers: Handler[] = [];
        rootHttpRouter.use(`/api/${pluginMetadata.getId()}`, ((req, res, next) => {
          let index = 0;
          const step: Next = (error) => {
            const handler = handlers[index++];
            if (error !== undefined || !handler) next(error);
            else handler(req, res, step);
          };
          step();
        }) as Handler as never);
        return {
          use: (handler: unknown) => void handlers.push(handler as Handler),
          addAuthPolicy: () => undefined,
        } as never;
      },
    }) as unknown as ServiceFactory,
};

describe('the service suites against the built-in adapters', () => {
  let referenceReport: ConformanceReport;

  it('reference: every service test passes with an empty expectations file', async () => {
    const expectations = loadExpectations(expectationsPath('reference'));
    expect(expectations.size).toBe(0);
    referenceReport = await runConformance({
      adapter: reference,
      tests: serviceTests,
      expectations,
    });
    expect(
      referenceReport.results
        .filter((r) => r.status !== 'passed')
        .map((r) => `${r.status} ${r.id}: ${r.message}`),
    ).toEqual([]);
    expect(referenceReport.summary.conforms).toBe(true);
    // Every service chapter ran and the chapter summary lists them.
    expect(referenceReport.chapters.map((c) => c.chapter)).toEqual([
      ...new Set(serviceTests.map((t) => t.chapter)),
    ]);
  }, 60_000);

  it('records seed, runs and replay command of every service property', () => {
    const properties = referenceReport.properties.map((p) => p.testId).sort();
    expect(properties).toEqual(
      serviceTests
        .filter((t) => t.flags?.includes('property'))
        .map((t) => t.id)
        .sort(),
    );
    for (const p of referenceReport.properties) {
      expect(p.seed).toBeGreaterThan(0);
      expect(p.replay).toContain(`--seed ${referenceReport.run.seed}`);
    }
  });

  it('backstage: every outcome matches expectations/backstage.json', async () => {
    const all = loadExpectations(expectationsPath('backstage'));
    const report = await runConformance({
      adapter: backstage,
      tests: serviceTests,
      expectations: all,
      grep: '^service-',
    });
    expect(
      report.results.filter((r) => r.unexpected).map((r) => `${r.status} ${r.id}: ${r.message}`),
    ).toEqual([]);
    const own = [...all.keys()].filter((id) => id.startsWith('service-'));
    expect(report.summary.counts['expected-failure']).toBe(own.length);
    // The deviations are Backstage's, not the suite's: the cache TTL test passes in real time.
    expect(report.results.find((r) => r.id === 'service-cache/ttl-boundary')?.status).toBe(
      'passed',
    );
  }, 60_000);

  it('a service the adapter does not declare ends as not-supported', async () => {
    const { services: _dropped, ...runtimeOnly } = reference;
    const report = await runConformance({
      adapter: runtimeOnly as ConformanceAdapter,
      tests: serviceTests,
      grep: '^service-cache/',
    });
    expect(report.results.map((r) => r.status)).toEqual(
      idsOf('service-cache').map(() => 'not-supported'),
    );
    expect(report.results[0]?.message).toContain('core.cache');
    expect(report.summary.ok).toBe(true);
  });
});

describe('deliberately broken services fail the right tests', () => {
  const run = (adapter: ConformanceAdapter, grep: string) =>
    runConformance({ adapter, tests: serviceTests, grep });

  it('a cache whose TTL is off by one fails the boundary and model tests', async () => {
    const mutant = withServices(reference, {
      'core.cache': cacheMutant((clock) => ({ ...(clock ? { clock } : {}), wrap: ttlOffByOne })),
    });
    const failed = failedIds(await run(mutant, '^service-cache/'));
    expect(failed).toContain('service-cache/ttl-boundary');
    expect(failed).toContain('service-cache/model');
    expect(failed).not.toContain('service-cache/plugin-isolation');
  }, 30_000);

  it('a cache that shares keys between plugins fails the isolation and model tests', async () => {
    const mutant = withServices(reference, {
      'core.cache': cacheMutant((clock) => ({
        ...(clock ? { clock } : {}),
        pluginId: 'everyone',
      })),
    });
    const failed = failedIds(await run(mutant, '^service-cache/'));
    expect(failed).toContain('service-cache/plugin-isolation');
    expect(failed).toContain('service-cache/model');
    expect(failed).not.toContain('service-cache/ttl-boundary');
  }, 30_000);

  it('an httpRouter without a credentials barrier fails default-deny only among routing tests', async () => {
    const mutant = withServices(reference, { 'core.httpRouter': defaultAllowRouter });
    const report = await run(mutant, '^service-http-router/(plugin-routes|default-deny|late-use)');
    expect(failedIds(report)).toEqual(['service-http-router/default-deny']);
    expect(
      report.results.find((r) => r.id === 'service-http-router/default-deny')?.message,
    ).toMatch(/401/);
  }, 30_000);

  it('the mutant of one service leaves the other chapters passing', async () => {
    const mutant = withServices(reference, {
      'core.cache': cacheMutant(() => ({ pluginId: 'everyone' })),
    });
    const report = await run(mutant, '^service-(database|permissions|lifecycle)/');
    expect(report.results.every((r) => r.status === 'passed')).toBe(true);
  }, 30_000);
});

describe('service test headers', () => {
  const body = async () => undefined;
  it('a service chapter test must name its service, and only such tests may', () => {
    expect(() =>
      checkTests([
        defineTest({
          id: 'service-cache/no-service',
          chapter: 'service-cache',
          requirements: ['CACHE-002'],
          description: 'x',
          run: body,
        }),
      ]),
    ).toThrow(/must name the service id/);
    expect(() =>
      checkTests([
        defineTest({
          id: 'startup/with-service',
          chapter: 'startup',
          service: 'core.cache',
          requirements: ['CACHE-002'],
          description: 'x',
          run: body,
        }),
      ]),
    ).toThrow(/only tests of a 'service-\*' chapter/);
  });

  it('withServices refuses an override without a factory, naming the service', () => {
    expect(() =>
      withServices(reference, { 'core.cache': { profile: 'interface' } as ServiceUnderTest }),
    ).toThrow(/core\.cache/);
  });

  it('a default-profile test is not-supported for an interface-profile claim', async () => {
    const interfaceOnly = withServices(reference, {
      'core.permissions': { ...reference.services!['core.permissions']!, profile: 'interface' },
    });
    const report = await runConformance({
      adapter: interfaceOnly,
      tests: serviceTests,
      grep: '^service-permissions/disabled-allows$',
    });
    expect(report.results[0]).toMatchObject({ status: 'not-supported' });
    expect(report.results[0]?.message).toContain('interface profile');
  });

  it('a test that drives the suite clock is not-supported for a scheduler without clock: true', async () => {
    const unclocked = withServices(reference, {
      'core.scheduler': { ...reference.services!['core.scheduler']!, clock: false },
    });
    const report = await runConformance({
      adapter: unclocked,
      tests: serviceTests,
      grep: '^service-scheduler/interval-on-clock$',
    });
    expect(report.results[0]).toMatchObject({ status: 'not-supported' });
    expect(report.results[0]?.message).toContain('clock: true');
  });

  it('the redaction test fails a root logger that writes a secret unredacted', async () => {
    // The default root logger with no secret source: it writes every value as it is.
    const leaky = withServices(reference, {
      'core.rootLogger': {
        profile: 'default',
        factory: ({ output }) =>
          createServiceFactory({
            service: coreServices.rootLogger,
            deps: { config: coreServices.rootConfig },
            factory: ({ config }) =>
              createRootLoggerFromConfig(config as unknown as Config, {
                secrets: () => [],
                ...(output ? { write: output } : {}),
              }) as never,
          }) as unknown as ServiceFactory,
      },
    });
    const report = await runConformance({
      adapter: leaky,
      tests: serviceTests,
      grep: '^service-logger/redacts-config-secrets$',
    });
    expect(report.results[0]).toMatchObject({ status: 'failed' });
    expect(report.results[0]?.message).toContain('still hold the secret');
  });
});
