import type { CacheService, JsonValue } from '@openstage/spec';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CacheManager } from './CacheManager.js';
import type { Clock } from './Clock.js';
import { configFromData } from '../../../test/helpers/configFromData.js';

/*
 * Model-based test of the memory store through the public cache API: random sequences of
 * set/get/delete/advance-clock over two plugins, compared with a plain Map that knows the
 * expiry rule of CACHE-045/CACHE-046. TTLs and clock steps come from a few shared values so
 * that reads land exactly on expiry boundaries often (conformance-and-spec-lessons §7).
 * The seed is fixed so failures reproduce; set FC_SEED to explore others. fast-check prints the
 * seed and a replay path with every failure.
 */

const seed = Number(process.env['FC_SEED'] ?? 424242);

class FakeClock implements Clock {
  time = 0;
  now(): number {
    return this.time;
  }
}

interface ModelEntry {
  readonly value: JsonValue;
  readonly expiresAt: number | undefined;
}

interface Model {
  time: number;
  /** `${pluginId}\u0000${key}` → entry. */
  readonly entries: Map<string, ModelEntry>;
}

interface Real {
  readonly clock: FakeClock;
  readonly caches: Readonly<Record<string, CacheService>>;
}

const plugins = ['alpha', 'beta'] as const;
const keys = ['a', 'A', '', 'k'.repeat(300)];
const ttls = [undefined, 5, 10, 15, { milliseconds: 10 }] as const;
const ttlMs = (ttl: (typeof ttls)[number]): number | undefined =>
  ttl === undefined ? undefined : typeof ttl === 'number' ? ttl : ttl.milliseconds;

const modelKey = (pluginId: string, key: string): string => `${pluginId}\u0000${key}`;
function modelGet(model: Model, pluginId: string, key: string): JsonValue | undefined {
  const entry = model.entries.get(modelKey(pluginId, key));
  if (entry === undefined) return undefined;
  return entry.expiresAt !== undefined && model.time >= entry.expiresAt ? undefined : entry.value;
}

class SetCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pluginId: string,
    readonly key: string,
    readonly value: JsonValue,
    readonly ttl: (typeof ttls)[number],
    readonly viaDefault: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const ms = ttlMs(this.ttl);
    const cache = real.caches[this.pluginId]!;
    if (this.viaDefault && this.ttl !== undefined) {
      await cache.withOptions({ defaultTtl: this.ttl }).set(this.key, this.value);
    } else {
      await cache.set(this.key, this.value, this.ttl === undefined ? undefined : { ttl: this.ttl });
    }
    model.entries.set(modelKey(this.pluginId, this.key), {
      value: this.value,
      expiresAt: ms === undefined ? undefined : model.time + ms,
    });
  }
  toString = () =>
    `set(${this.pluginId}, ${JSON.stringify(this.key).slice(0, 12)}, ${JSON.stringify(this.value)}, ${JSON.stringify(this.ttl)}${this.viaDefault ? ', via defaultTtl' : ''})`;
}

class GetCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pluginId: string,
    readonly key: string,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const actual = await real.caches[this.pluginId]!.get(this.key);
    const expected = modelGet(model, this.pluginId, this.key);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(
        `get(${this.pluginId}, ${JSON.stringify(this.key).slice(0, 12)}) at t=${model.time}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
      );
    }
  }
  toString = () => `get(${this.pluginId}, ${JSON.stringify(this.key).slice(0, 12)})`;
}

class DeleteCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pluginId: string,
    readonly key: string,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    await real.caches[this.pluginId]!.delete(this.key);
    model.entries.delete(modelKey(this.pluginId, this.key));
  }
  toString = () => `delete(${this.pluginId}, ${JSON.stringify(this.key).slice(0, 12)})`;
}

class AdvanceClockCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    model.time += this.ms;
    real.clock.time += this.ms;
  }
  toString = () => `advance(${this.ms})`;
}

const plugin = fc.constantFrom(...plugins);
const key = fc.constantFrom(...keys);
const value: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('x', ''),
  fc.record({ n: fc.integer({ min: 0, max: 3 }) }),
  fc.array(fc.boolean(), { maxLength: 2 }),
);

const commands = fc.commands(
  [
    fc
      .tuple(plugin, key, value, fc.constantFrom(...ttls), fc.boolean())
      .map(([p, k, v, t, viaDefault]) => new SetCommand(p, k, v, t, viaDefault)),
    fc.tuple(plugin, key).map(([p, k]) => new GetCommand(p, k)),
    fc.tuple(plugin, key).map(([p, k]) => new GetCommand(p, k)),
    fc.tuple(plugin, key).map(([p, k]) => new DeleteCommand(p, k)),
    fc.constantFrom(1, 5, 10).map((ms) => new AdvanceClockCommand(ms)),
  ],
  { maxCommands: 60 },
);

const emptyConfig = configFromData({});

describe('cache model', () => {
  it('CACHE-002..CACHE-005, CACHE-031, CACHE-041..CACHE-046: the memory store behaves like the model', async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const clock = new FakeClock();
        const manager = CacheManager.fromConfig(emptyConfig, { clock });
        const real: Real = {
          clock,
          caches: Object.fromEntries(plugins.map((p) => [p, manager.forPlugin(p)])),
        };
        try {
          await fc.asyncModelRun(() => ({ model: { time: 0, entries: new Map() }, real }), cmds);
        } finally {
          await manager.stop();
        }
      }),
      { seed, numRuns: 300 },
    );
  });
});
