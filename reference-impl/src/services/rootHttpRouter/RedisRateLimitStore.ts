import { createRequire } from 'node:module';
import type * as Ioredis from 'ioredis';
import type { Redis } from 'ioredis';
import type { RateLimitHit, RateLimitStore } from './RateLimitStore.js';

// ioredis is loaded on first use, synchronously (it is CommonJS), so that a backend that is not
// configured for Redis does not spend startup time loading the client.
const require = createRequire(import.meta.url);
const loadIoredis = (): typeof Ioredis => require('ioredis') as typeof Ioredis;

/** Counts and starts the window atomically, and reports the time left in it. */
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`;

/**
 * Fixed-window counters in Redis (`backend.rateLimit.store: { type: 'redis', connection }`), so
 * that every backend instance behind one load balancer counts against the same limit.
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #windowMs: number;

  constructor(options: { connection: string; prefix: string; windowMs: number }) {
    // Commands wait for the connection instead of failing while it is being established.
    const { Redis } = loadIoredis();
    this.#client = new Redis(options.connection, { lazyConnect: false, maxRetriesPerRequest: 1 });
    // Errors surface on the commands that fail; without a listener ioredis would print them.
    this.#client.on('error', () => {});
    this.#prefix = options.prefix;
    this.#windowMs = options.windowMs;
  }

  async increment(key: string): Promise<RateLimitHit> {
    const [count, ttl] = (await this.#client.eval(
      INCREMENT,
      1,
      this.#prefix + key,
      this.#windowMs,
    )) as [number, number];
    return { count, resetAt: Date.now() + ttl };
  }

  async decrement(key: string): Promise<void> {
    await this.#client.decr(this.#prefix + key);
  }

  async close(): Promise<void> {
    // QUIT needs a live connection; a client that is still (re)connecting is simply dropped.
    if (this.#client.status === 'ready')
      await this.#client.quit().catch(() => this.#client.disconnect());
    else this.#client.disconnect();
  }
}
