import type { createLocalJWKSet, JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { isJoseError, loadJose } from './loadJose.js';

/** Why a key set could not be obtained; mapped to `AUTH_TOKEN_UNKNOWN_ISSUER` by the caller. */
export class KeySetUnavailableError extends Error {
  override readonly name = 'KeySetUnavailableError';
  constructor(
    readonly url: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`could not obtain the key set at ${url}: ${reason}`, options);
  }
}

/** Options of {@link RemoteKeySets}. */
export interface RemoteKeySetsOptions {
  /** How long a fetched key set is used before it is fetched again. Default 10 minutes. */
  maxAgeMs?: number;
  /** How long one fetch may take. Default 10 seconds. */
  timeoutMs?: number;
  /** Injected for tests; defaults to `Date.now`. */
  now?: () => number;
}

interface CachedSet {
  readonly select: ReturnType<typeof createLocalJWKSet>;
  readonly fetchedAt: number;
}

/**
 * Fetches and caches JSON Web Key Sets by URL (AUTH-059), so that verifying a token from a known
 * issuer costs no request. When a token names a key the cached set lacks, the set is fetched
 * again before the token is rejected (AUTH-061), which is how a newly rotated signing key of
 * another replica becomes usable. Concurrent fetches of one URL share a single request.
 */
export class RemoteKeySets {
  readonly #maxAgeMs: number;
  readonly #timeoutMs: number;
  readonly #now: () => number;
  readonly #sets = new Map<string, CachedSet>();
  readonly #inFlight = new Map<string, Promise<CachedSet>>();

  constructor(options: RemoteKeySetsOptions = {}) {
    this.#maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * A key resolver for `jwtVerify` that uses the set at `url`. It throws
   * {@link KeySetUnavailableError} when the set cannot be fetched.
   */
  resolverFor(url: string): JWTVerifyGetKey {
    return async (header, token) => {
      let set = this.#sets.get(url);
      let fresh = false;
      if (set === undefined || this.#now() - set.fetchedAt > this.#maxAgeMs) {
        set = await this.#fetch(url);
        fresh = true;
      }
      try {
        return await set.select(header, token);
      } catch (error) {
        if (fresh || !isJoseError(error, 'JWKSNoMatchingKey')) throw error;
      }
      const refreshed = await this.#fetch(url);
      return refreshed.select(header, token);
    };
  }

  #fetch(url: string): Promise<CachedSet> {
    const pending = this.#inFlight.get(url);
    if (pending !== undefined) return pending;
    const promise = this.#load(url).finally(() => this.#inFlight.delete(url));
    this.#inFlight.set(url, promise);
    return promise;
  }

  async #load(url: string): Promise<CachedSet> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new KeySetUnavailableError(url, 'the request failed', { cause: error });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new KeySetUnavailableError(url, `status ${response.status}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new KeySetUnavailableError(url, 'the answer is not JSON', { cause: error });
    }
    const keys = (body as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys)) {
      throw new KeySetUnavailableError(url, 'the answer has no keys list');
    }
    const set: CachedSet = {
      select: (await loadJose()).createLocalJWKSet(body as JSONWebKeySet),
      fetchedAt: this.#now(),
    };
    this.#sets.set(url, set);
    return set;
  }
}
