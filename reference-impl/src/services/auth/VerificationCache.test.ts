import { describe, expect, it } from 'vitest';
import { VerificationCache } from './VerificationCache.js';

describe('VerificationCache', () => {
  it('AUTH-059, AUTH-060: an entry lives until the token expiry or the maximum age, whichever is first', () => {
    let now = 1_000_000;
    const cache = new VerificationCache<string>({ maxAgeMs: 10_000, now: () => now });
    cache.set('short', 'a', now + 5_000);
    cache.set('long', 'b', now + 60_000);
    cache.set('expired', 'c', now - 1);
    expect(cache.get('expired')).toBeUndefined();
    now += 4_999;
    expect([cache.get('short'), cache.get('long')]).toEqual(['a', 'b']);
    now += 1;
    expect(cache.get('short')).toBeUndefined();
    now += 5_000;
    expect(cache.get('long')).toBeUndefined();
  });

  it('AUTH-059: the cache is bounded and drops the least recently used token first', () => {
    const cache = new VerificationCache<number>({ maxEntries: 2 });
    cache.set('one', 1);
    cache.set('two', 2);
    expect(cache.get('one')).toBe(1); // "two" is now the least recently used
    cache.set('three', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('two')).toBeUndefined();
    expect([cache.get('one'), cache.get('three')]).toEqual([1, 3]);
  });
});
