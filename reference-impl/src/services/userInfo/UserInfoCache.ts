import type { BackstageUserInfo } from '@openstage/spec';

/**
 * Results of `getUserInfo` per token, shared by every plugin of a backend (UINFO-018). An entry
 * never outlives the credentials' `expiresAt` (UINFO-019) nor `maxAgeMs`; the map is bounded.
 */
export class UserInfoCache {
  readonly #entries = new Map<string, { info: BackstageUserInfo; until: number }>();
  readonly #maxAgeMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { maxAgeMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    this.#maxEntries = options.maxEntries ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  get(token: string): BackstageUserInfo | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    if (this.#now() >= entry.until) {
      this.#entries.delete(token);
      return undefined;
    }
    return copy(entry.info);
  }

  set(token: string, info: BackstageUserInfo, expiresAt: Date | undefined): void {
    // Without a known expiry there is nothing to bound the entry by, so nothing is kept.
    if (expiresAt === undefined) return;
    const now = this.#now();
    const until = Math.min(expiresAt.getTime(), now + this.#maxAgeMs);
    if (until <= now) return;
    this.#entries.delete(token);
    this.#entries.set(token, { info: copy(info), until });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }
}

function copy(info: BackstageUserInfo): BackstageUserInfo {
  return { userEntityRef: info.userEntityRef, ownershipEntityRefs: [...info.ownershipEntityRefs] };
}
