import type { StartupTimelineEntryKind, StartupTimelineEntryRef } from '@openstage/spec';

/** What a timeline entry describes (INIT-142): the spec's kinds. */
export type TimelineEntryKind = StartupTimelineEntryKind;

/** One thing that happened (or is happening) during startup or shutdown. */
export interface TimelineEntry {
  /** Stable key, e.g. `service:core.database@catalog`, `plugin:catalog`. */
  key: string;
  kind: TimelineEntryKind;
  /** Human label used in logs: a plugin id, `core.database for 'catalog'`, ... */
  label: string;
  pluginId?: string;
  moduleId?: string;
  serviceId?: string;
  /** A feature loader's description. */
  loader?: string;
  beginAt: Date;
  /** Absent while pending. */
  endAt?: Date;
  /** Milliseconds since the timeline began (monotonic clock). */
  startedAt: number;
  endedAt?: number;
  durationMs?: number;
  outcome: 'pending' | 'success' | 'failure' | 'skipped';
  /**
   * While pending: keys of the entries this one currently waits on, or how to list them. A
   * function lets a caller skip building keys nobody may read: most entries end within a tick.
   */
  waitingOn: readonly string[] | (() => readonly string[]);
  error?: Error;
}

/** Names a timeline entry by its kind and identifiers (INIT-142, INIT-143). */
export type TimelineEntryRef = StartupTimelineEntryRef;

/** A plain view of an entry: its ref, times, outcome and, while pending, what it waits on. */
export interface TimelineEntrySnapshot extends TimelineEntryRef {
  /** The label used in pending reports (INIT-150). */
  label: string;
  beginAt: Date;
  endAt?: Date;
  durationMs?: number;
  outcome: TimelineEntry['outcome'];
  waitingOn: TimelineEntryRef[];
  error?: string;
}

/** What `getStartupTimeline()` returns (INIT-140). */
export interface StartupTimelineSnapshot {
  entries: TimelineEntrySnapshot[];
}

const NOTHING: readonly string[] = Object.freeze([]);

function waitingKeys(entry: TimelineEntry): readonly string[] {
  const { waitingOn } = entry;
  return typeof waitingOn === 'function' ? waitingOn() : waitingOn;
}

// Assignments rather than conditional spreads: a snapshot builds one of these per entry, and a
// backend with many plugins has ten entries per plugin.
function refOf(entry: TimelineEntry): TimelineEntryRef {
  const ref: TimelineEntryRef = { kind: entry.kind };
  if (entry.pluginId !== undefined) ref.pluginId = entry.pluginId;
  if (entry.moduleId !== undefined) ref.moduleId = entry.moduleId;
  if (entry.serviceId !== undefined) ref.serviceId = entry.serviceId;
  if (entry.loader !== undefined) ref.loader = entry.loader;
  return ref;
}

/**
 * Records when each factory, module, plugin and hook phase started and ended,
 * and, while it is pending, what it waits on, so a stuck startup can be
 * explained as a chain ("catalog waits on core.scheduler waits on
 * core.database").
 */
export class StartupTimeline {
  readonly #origin: number;
  readonly #originDate: Date;
  readonly #entries = new Map<string, TimelineEntry>();

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
    this.#origin = now();
    this.#originDate = new Date();
  }

  readonly #now: () => number;

  /** Wall-clock time at which the timeline started. */
  get beginAt(): Date {
    return this.#originDate;
  }

  #elapsed(): number {
    return Math.round((this.#now() - this.#origin) * 1000) / 1000;
  }

  /** Starts an entry (idempotent per key: a second call returns the first). */
  begin(
    key: string,
    details: Pick<TimelineEntry, 'kind' | 'label'> &
      Partial<Pick<TimelineEntry, 'pluginId' | 'moduleId' | 'serviceId' | 'loader'>>,
  ): TimelineEntry {
    const existing = this.#entries.get(key);
    if (existing) return existing;
    // Every field from the start, absent ones as undefined: end() then changes values rather
    // than the object's shape, for the thousands of entries of a backend with many plugins.
    const entry: TimelineEntry = {
      key,
      kind: details.kind,
      label: details.label,
      pluginId: details.pluginId,
      moduleId: details.moduleId,
      serviceId: details.serviceId,
      loader: details.loader,
      beginAt: new Date(),
      endAt: undefined,
      startedAt: this.#elapsed(),
      endedAt: undefined,
      durationMs: undefined,
      outcome: 'pending',
      waitingOn: NOTHING,
      error: undefined,
    };
    this.#entries.set(key, entry);
    return entry;
  }

  /**
   * Declares what a pending entry now waits on (replaces the previous list); `keys` may be a
   * function, called only when the list is read.
   */
  waitOn(key: string, keys: readonly string[] | (() => readonly string[])): void {
    const entry = this.#entries.get(key);
    if (entry && entry.outcome === 'pending') {
      entry.waitingOn = keys;
    }
  }

  end(key: string, error?: Error): void {
    const entry = this.#entries.get(key);
    if (!entry || entry.outcome !== 'pending') return;
    entry.endAt = new Date();
    entry.endedAt = this.#elapsed();
    entry.durationMs = Math.round((entry.endedAt - entry.startedAt) * 1000) / 1000;
    entry.outcome = error ? 'failure' : 'success';
    entry.waitingOn = NOTHING;
    if (error) entry.error = error;
  }

  /** Records work the runtime decided not to run. */
  skip(key: string, details: Parameters<StartupTimeline['begin']>[1]): void {
    const entry = this.begin(key, details);
    if (entry.outcome !== 'pending') return;
    entry.outcome = 'skipped';
    entry.endAt = entry.beginAt;
    entry.endedAt = entry.startedAt;
    entry.durationMs = 0;
  }

  get(key: string): TimelineEntry | undefined {
    return this.#entries.get(key);
  }

  /** Every entry, in the order they started (INIT-140, INIT-142). */
  entries(): StartupTimelineSnapshot {
    const entries: TimelineEntrySnapshot[] = [];
    for (const e of this.#entries.values()) {
      const snapshot = refOf(e) as TimelineEntrySnapshot;
      snapshot.label = e.label;
      snapshot.beginAt = e.beginAt;
      if (e.endAt) snapshot.endAt = e.endAt;
      if (e.durationMs !== undefined) snapshot.durationMs = e.durationMs;
      snapshot.outcome = e.outcome;
      const waitingOn: TimelineEntryRef[] = [];
      for (const k of waitingKeys(e)) {
        const w = this.#entries.get(k);
        if (w !== undefined) waitingOn.push(refOf(w));
      }
      snapshot.waitingOn = waitingOn;
      if (e.error) snapshot.error = e.error.message;
      entries.push(snapshot);
    }
    return { entries };
  }

  /**
   * The chain of labels a pending entry waits on, following the first still
   * pending dependency at each step: `['catalog', "core.scheduler for 'catalog'", ...]`.
   */
  waitChain(key: string): string[] {
    return this.#chain(key).map((entry) => entry.label);
  }

  /** Like {@link waitChain}, as entry refs (the log field `waitChain`, INIT-149). */
  waitChainRefs(key: string): TimelineEntryRef[] {
    return this.#chain(key).map(refOf);
  }

  /** The entry at `key`, then at each step the pending dependency that began earliest (INIT-148). */
  #chain(key: string): TimelineEntry[] {
    const chain: TimelineEntry[] = [];
    const seen = new Set<string>();
    let current = this.#entries.get(key);
    while (current && !seen.has(current.key)) {
      seen.add(current.key);
      chain.push(current);
      current = waitingKeys(current)
        .map((k) => this.#entries.get(k))
        .filter((e): e is TimelineEntry => e !== undefined && e.outcome === 'pending')
        .sort((a, b) => a.startedAt - b.startedAt)[0];
    }
    return chain;
  }

  /** Pending entries of a kind. */
  pending(kind: TimelineEntryKind): TimelineEntry[] {
    return [...this.#entries.values()].filter((e) => e.kind === kind && e.outcome === 'pending');
  }
}
