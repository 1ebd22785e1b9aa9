import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { AssertionFailure } from '../../../harness/AssertionFailure.js';
import { call } from '../serviceCall.js';
import type { ServiceBackend } from '../serviceBackend.js';

/** The slice of the cache service (spec/docs/services/cache.md) the suite drives. */
export interface CacheLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, options?: { ttl?: unknown }): Promise<void>;
  delete(key: string): Promise<void>;
  withOptions(options: { defaultTtl?: unknown }): CacheLike;
}

/** The plugins whose caches the model drives; the same keys in both check isolation. */
export const MODEL_PLUGINS = ['alpha', 'beta'] as const;
type ModelPlugin = (typeof MODEL_PLUGINS)[number];

const LONG = 'k'.repeat(300);
/**
 * Keys that a careless implementation confuses: empty, letter case, Unicode normalisation
 * (`é` precomposed and decomposed), and two keys beyond 250 characters that differ only in
 * their last character (CACHE-021 to CACHE-024).
 */
export const MODEL_KEYS = ['', 'a', 'A', '\u00e9', 'e\u0301', '🙂 key', `${LONG}1`, `${LONG}2`];

/** What the cache should hold: entries by plugin and key, with an absolute expiry. */
export interface CacheModel {
  now: number;
  entries: Map<string, { value: unknown; expiresAt: number | undefined }>;
}

/** The real side of a model run: the caches of both plugins and a per-run key prefix. */
export interface CacheReal {
  sb: ServiceBackend;
  caches: Record<ModelPlugin, CacheLike>;
  /** Keeps the entries of one run apart from those of earlier runs on the same backend. */
  prefix: string;
}

const slot = (plugin: string, key: string) => `${plugin}\u0000${key}`;
const show = (key: string) => (key.length > 20 ? `${key.slice(0, 8)}...(${key.length})` : key);

/** The value `get` must return for `value`: its JSON round trip (CACHE-011). */
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function live(model: CacheModel, plugin: string, key: string) {
  const entry = model.entries.get(slot(plugin, key));
  // CACHE-045/CACHE-046: alive while now - setAt < ttl, that is now < expiresAt.
  return entry && (entry.expiresAt === undefined || model.now < entry.expiresAt)
    ? entry
    : undefined;
}

class SetCommand implements fc.AsyncCommand<CacheModel, CacheReal> {
  constructor(
    readonly plugin: ModelPlugin,
    readonly key: string,
    readonly value: unknown,
    readonly ttl: number | undefined,
  ) {}
  check = () => true;
  async run(model: CacheModel, real: CacheReal) {
    const options = this.ttl === undefined ? undefined : { ttl: this.ttl };
    await call(() => real.caches[this.plugin].set(real.prefix + this.key, this.value, options));
    model.entries.set(slot(this.plugin, this.key), {
      value: roundTrip(this.value),
      expiresAt: this.ttl === undefined ? undefined : model.now + this.ttl,
    });
  }
  toString = () => `set(${this.plugin}, '${show(this.key)}', ttl ${this.ttl ?? 'none'})`;
}

class GetCommand implements fc.AsyncCommand<CacheModel, CacheReal> {
  constructor(
    readonly plugin: ModelPlugin,
    readonly key: string,
  ) {}
  check = () => true;
  async run(model: CacheModel, real: CacheReal) {
    const actual = await call(() => real.caches[this.plugin].get(real.prefix + this.key));
    const expected = live(model, this.plugin, this.key)?.value;
    if (!isDeepStrictEqual(actual, expected))
      throw new AssertionFailure(
        `get('${show(this.key)}') through plugin '${this.plugin}': expected ${JSON.stringify(expected)}, received ${JSON.stringify(actual)}`,
      );
  }
  toString = () => `get(${this.plugin}, '${show(this.key)}')`;
}

/** Reads every key of both plugins: catches any entry that outlived, or vanished before, its expiry. */
export class CheckAllCommand implements fc.AsyncCommand<CacheModel, CacheReal> {
  check = () => true;
  async run(model: CacheModel, real: CacheReal) {
    for (const plugin of MODEL_PLUGINS)
      for (const key of MODEL_KEYS) await new GetCommand(plugin, key).run(model, real);
  }
  toString = () => 'getAll()';
}

class DeleteCommand implements fc.AsyncCommand<CacheModel, CacheReal> {
  constructor(
    readonly plugin: ModelPlugin,
    readonly key: string,
  ) {}
  check = () => true;
  async run(model: CacheModel, real: CacheReal) {
    await call(() => real.caches[this.plugin].delete(real.prefix + this.key));
    model.entries.delete(slot(this.plugin, this.key));
  }
  toString = () => `delete(${this.plugin}, '${show(this.key)}')`;
}

class AdvanceCommand implements fc.AsyncCommand<CacheModel, CacheReal> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(model: CacheModel, real: CacheReal) {
    await real.sb.clock.advance(this.ms);
    model.now += this.ms;
  }
  toString = () => `advance(${this.ms})`;
}

/**
 * The commands of the cache model. With a clock, TTLs are short and time moves in steps that
 * land exactly on expiry instants; without one, TTLs are long enough never to elapse during the
 * run, so the model never has to guess real time.
 */
export function cacheCommands(clocked: boolean) {
  const plugin = fc.constantFrom(...MODEL_PLUGINS);
  const key = fc.constantFrom(...MODEL_KEYS);
  const value = fc.jsonValue({ maxDepth: 2 });
  const ttl = clocked
    ? fc.option(fc.constantFrom(10, 10, 50), { nil: undefined, freq: 4 })
    : fc.option(fc.constant(600_000), { nil: undefined });
  const set = fc.tuple(plugin, key, value, ttl).map(([p, k, v, t]) => new SetCommand(p, k, v, t));
  // Repeated entries weigh the choice: sets, full reads and clock steps that land exactly on an
  // expiry instant come up often enough to catch a TTL that is off by one millisecond.
  const commands: fc.Arbitrary<fc.AsyncCommand<CacheModel, CacheReal>>[] = [
    set,
    set,
    fc.tuple(plugin, key).map(([p, k]) => new GetCommand(p, k)),
    fc.tuple(plugin, key).map(([p, k]) => new DeleteCommand(p, k)),
    fc.constant(new CheckAllCommand()),
    fc.constant(new CheckAllCommand()),
  ];
  if (clocked) {
    const advance = fc.constantFrom(10, 10, 1, 9, 40).map((ms) => new AdvanceCommand(ms));
    commands.push(advance, advance);
  }
  return fc.commands(commands, { maxCommands: 30 });
}
