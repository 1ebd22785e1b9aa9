import fc from 'fast-check';
import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { deepEqual, equal, hasCode } from '../../../harness/assert.js';
import type { TestContext } from '../../../harness/TestContext.js';
import { elapse, instance, serviceBackend, type ServiceBackend } from '../serviceBackend.js';
import { call, checkProperty, mustReject } from '../serviceCall.js';
import {
  cacheCommands,
  CheckAllCommand,
  MODEL_PLUGINS,
  type CacheLike,
  type CacheModel,
  type CacheReal,
} from './cacheModel.js';

const CACHE = 'core.cache';

/** A started backend with probes `alpha` and `beta`, each holding its own cache. */
async function caches(
  ctx: TestContext,
): Promise<{ sb: ServiceBackend; alpha: CacheLike; beta: CacheLike }> {
  const sb = await serviceBackend(ctx, CACHE, {
    probes: MODEL_PLUGINS.map((pluginId) => ({ pluginId, services: [CACHE] })),
  });
  return {
    sb,
    alpha: instance<CacheLike>(sb, 'alpha', CACHE),
    beta: instance<CacheLike>(sb, 'beta', CACHE),
  };
}

/**
 * The TTL used where time must really pass (the service does not honour the suite clock): long
 * enough for a set-then-get to see the entry on a loaded machine or a networked store, short
 * enough to keep the suite fast.
 */
const REAL_TTL_MS = 200;

const showTtl = (ttl: unknown) => (typeof ttl === 'number' ? String(ttl) : JSON.stringify(ttl));

const cacheTest = (test: Omit<ConformanceTest, 'chapter' | 'service'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-cache', service: CACHE });

/** The contract suite of `core.cache` (spec/docs/services/cache.md). */
export const cacheTests: readonly ConformanceTest[] = [
  cacheTest({
    id: 'service-cache/model',
    requirements: [
      'CACHE-002',
      'CACHE-003',
      'CACHE-004',
      'CACHE-005',
      'CACHE-006',
      'CACHE-011',
      'CACHE-021',
      'CACHE-022',
      'CACHE-024',
      'CACHE-031',
      'CACHE-032',
      'CACHE-045',
      'CACHE-046',
      'CACHE-048',
    ],
    description:
      'random set/get/delete (and clock steps) over two plugins agree with a model of entries and expiry',
    flags: ['property'],
    timeoutMs: 20_000,
    async run(ctx) {
      const { sb, alpha, beta } = await caches(ctx);
      let runs = 0;
      await checkProperty(
        ctx,
        fc.asyncProperty(cacheCommands(sb.clocked), async (commands) => {
          const model: CacheModel = { now: 0, entries: new Map() };
          const real: CacheReal = { sb, caches: { alpha, beta }, prefix: `run${runs++}:` };
          await fc.asyncModelRun(() => ({ model, real }), [...commands, new CheckAllCommand()]);
        }),
        50,
      );
    },
  }),
  cacheTest({
    id: 'service-cache/ttl-boundary',
    requirements: ['CACHE-041', 'CACHE-045', 'CACHE-046'],
    description:
      'an entry with a ttl of d ms is returned until d ms have passed and is absent from then on',
    async run(ctx) {
      const { sb, alpha } = await caches(ctx);
      if (sb.clocked) {
        await call(() => alpha.set('boundary', 'v', { ttl: 100 }));
        await elapse(sb, 99);
        equal(await call(() => alpha.get('boundary')), 'v', 'get 99 ms after set with ttl 100');
        await elapse(sb, 1);
        equal(
          await call(() => alpha.get('boundary')),
          undefined,
          'get 100 ms after set (CACHE-046)',
        );
      } else {
        await call(() => alpha.set('boundary', 'v', { ttl: REAL_TTL_MS }));
        equal(await call(() => alpha.get('boundary')), 'v', 'get right after set with a ttl');
        await elapse(sb, REAL_TTL_MS * 2);
        equal(await call(() => alpha.get('boundary')), undefined, 'get after twice the ttl');
      }
    },
  }),
  cacheTest({
    id: 'service-cache/human-duration-ttl',
    requirements: ['CACHE-042'],
    description: 'a HumanDuration ttl counts as its milliseconds',
    async run(ctx) {
      const { sb, alpha } = await caches(ctx);
      if (!sb.clocked) {
        await call(() => alpha.set('human', 1, { ttl: { milliseconds: REAL_TTL_MS } }));
        equal(await call(() => alpha.get('human')), 1, 'get right after set');
        await elapse(sb, REAL_TTL_MS * 2);
        equal(await call(() => alpha.get('human')), undefined, 'get after twice the ttl');
        return;
      }
      await call(() => alpha.set('human', 1, { ttl: { minutes: 1, seconds: 30 } }));
      await elapse(sb, 89_999);
      equal(await call(() => alpha.get('human')), 1, 'get at 89 999 ms of a 1 min 30 s ttl');
      await elapse(sb, 1);
      equal(await call(() => alpha.get('human')), undefined, 'get at 90 000 ms');
    },
  }),
  cacheTest({
    id: 'service-cache/with-options',
    requirements: ['CACHE-007', 'CACHE-008', 'CACHE-009', 'CACHE-043'],
    description:
      'withOptions shares entries, applies its defaultTtl, leaves the original alone, and an explicit ttl wins',
    async run(ctx) {
      const { sb, alpha } = await caches(ctx);
      const ttl = sb.clocked ? 50 : REAL_TTL_MS;
      const short = await call(() => alpha.withOptions({ defaultTtl: ttl }));
      await call(() => short.set('shared', 'short'));
      equal(await call(() => alpha.get('shared')), 'short', 'entry set through withOptions');
      await call(() => alpha.set('plain', 'kept'));
      await call(() => short.set('explicit', 'long', { ttl: ttl * 100 }));
      // CACHE-009: an option not given keeps its value; here the default TTL of `short`.
      const same = await call(() => short.withOptions({}));
      await call(() => same.set('inherited', 'short too'));
      await elapse(sb, sb.clocked ? ttl : ttl * 2);
      equal(await call(() => alpha.get('shared')), undefined, 'entry after the defaultTtl');
      equal(await call(() => alpha.get('inherited')), undefined, 'entry of withOptions({})');
      equal(await call(() => alpha.get('plain')), 'kept', 'entry set on the original (CACHE-008)');
      equal(await call(() => alpha.get('explicit')), 'long', 'entry with an explicit ttl');
    },
  }),
  cacheTest({
    id: 'service-cache/installable-through-add',
    requirements: ['CLS-009', 'CACHE-003'],
    description:
      "the cache factory works when passed to the backend's add() rather than as a default",
    async run(ctx) {
      const sb = await serviceBackend(ctx, CACHE, {
        viaAdd: true,
        probes: [{ pluginId: 'alpha', services: [CACHE] }],
      });
      const alpha = instance<CacheLike>(sb, 'alpha', CACHE);
      await call(() => alpha.set('added', { ok: true }));
      deepEqual(await call(() => alpha.get('added')), { ok: true }, 'entry read back');
    },
  }),
  cacheTest({
    id: 'service-cache/plugin-isolation',
    requirements: ['CACHE-031', 'CACHE-032'],
    description:
      'two plugins using the same key see only their own entries, and delete only theirs',
    async run(ctx) {
      const { alpha, beta } = await caches(ctx);
      await call(() => alpha.set('same', 'alpha'));
      equal(await call(() => beta.get('same')), undefined, "beta's get of alpha's key");
      await call(() => beta.set('same', 'beta'));
      equal(await call(() => alpha.get('same')), 'alpha', "alpha's entry after beta's set");
      await call(() => beta.delete('same'));
      equal(await call(() => alpha.get('same')), 'alpha', "alpha's entry after beta's delete");
      equal(await call(() => beta.get('same')), undefined, "beta's entry after its delete");
    },
  }),
  cacheTest({
    id: 'service-cache/long-and-odd-keys',
    requirements: ['CACHE-021', 'CACHE-022', 'CACHE-023', 'CACHE-024'],
    description:
      'empty, non-ASCII, case- and normalisation-variant and very long keys are distinct keys',
    async run(ctx) {
      const { alpha } = await caches(ctx);
      const long = 'x'.repeat(1000);
      const keys = ['', 'Key', 'key', '\u00e9', 'e\u0301', '日本語', `${long}a`, `${long}b`];
      for (const [i, key] of keys.entries()) await call(() => alpha.set(key, i));
      for (const [i, key] of keys.entries())
        equal(await call(() => alpha.get(key)), i, `value of key #${i} (length ${key.length})`);
    },
  }),
  cacheTest({
    id: 'service-cache/values-are-copies',
    requirements: ['CACHE-011', 'CACHE-012', 'CACHE-013', 'CACHE-014'],
    description: 'null is kept apart from missing, and stored and returned values are copies',
    async run(ctx) {
      const { alpha } = await caches(ctx);
      await call(() => alpha.set('null', null));
      equal(await call(() => alpha.get('null')), null, 'stored null');
      equal(await call(() => alpha.get('missing')), undefined, 'missing entry');
      const stored = { list: [1, 2], nested: { a: 'b' } };
      await call(() => alpha.set('object', stored));
      stored.list.push(3);
      stored.nested.a = 'changed';
      const first = (await call(() => alpha.get('object'))) as typeof stored;
      deepEqual(first, { list: [1, 2], nested: { a: 'b' } }, 'value after mutating the input');
      first.list.push(4);
      deepEqual(
        await call(() => alpha.get('object')),
        { list: [1, 2], nested: { a: 'b' } },
        'value after mutating a returned value',
      );
    },
  }),
  cacheTest({
    id: 'service-cache/invalid-value-rejected',
    requirements: ['CACHE-015'],
    description: 'set rejects values that are not JSON and keeps the existing entry',
    async run(ctx) {
      const { alpha } = await caches(ctx);
      await call(() => alpha.set('k', 'original'));
      const cyclic: Record<string, unknown> = {};
      cyclic['self'] = cyclic;
      for (const [what, value] of [
        ['undefined', undefined],
        ['a function', () => 1],
        ['a bigint', BigInt(1)],
        ['a cyclic object', cyclic],
      ] as const) {
        const error = await mustReject(`set of ${what}`, () => alpha.set('k', value));
        hasCode(error, 'CACHE_INVALID_VALUE');
        equal(await call(() => alpha.get('k')), 'original', `entry after set of ${what}`);
      }
    },
  }),
  cacheTest({
    id: 'service-cache/invalid-ttl-rejected',
    requirements: ['CACHE-050', 'CACHE-051'],
    description: 'set and withOptions reject zero, negative, infinite and empty durations',
    async run(ctx) {
      const { alpha } = await caches(ctx);
      await call(() => alpha.set('k', 'original'));
      for (const ttl of [0, -5, Number.POSITIVE_INFINITY, Number.NaN, {}, { fortnights: 1 }]) {
        const error = await mustReject(`set with ttl ${showTtl(ttl)}`, () =>
          alpha.set('k', 'new', { ttl }),
        );
        hasCode(error, 'CACHE_INVALID_TTL');
        equal(await call(() => alpha.get('k')), 'original', `entry after ttl ${showTtl(ttl)}`);
        const thrown = await mustReject(`withOptions with defaultTtl ${showTtl(ttl)}`, () =>
          alpha.withOptions({ defaultTtl: ttl }),
        );
        hasCode(thrown, 'CACHE_INVALID_TTL');
      }
    },
  }),
];
