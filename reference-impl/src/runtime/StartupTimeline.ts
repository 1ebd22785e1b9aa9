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
  /** While pending: keys of the entries this one currently waits on. */
  waitingOn: string[];
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

function refOf(entry: TimelineEntry): TimelineEntryRef {
  return {
    kind: entry.kind,
    ...(entry.pluginId !== undefined ? { pluginId: entry.pluginId } : {}),
    ...(entry.moduleId !== undefined ? { moduleId: entry.moduleId } : {}),
    ...(entry.serviceId !== undefined ? { serviceId: entry.serviceId } : {}),
    ...(entry.loader !== undefined ? { loader: entry.loader } : {}),
  };
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
    const entry: TimelineEntry = {
      key,
      ...details,
      beginAt: new Date(),
      startedAt: this.#elapsed(),
      outcome: 'pending',
      waitingOn: [],
    };
    this.#entries.set(key, entry);
    return entry;
  }

  /** Declares what a pending entry now waits on (replaces the previous list). */
  waitOn(key: string, keys: string[]): void {
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
    entry.waitingOn = [];
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
    return {
      entries: [...this.#entries.values()].map((e) => ({
        ...refOf(e),
        label: e.label,
        beginAt: e.beginAt,
        ...(e.endAt ? { endAt: e.endAt } : {}),
        ...(e.durationMs !== undefined ? { durationMs: e.durationMs } : {}),
        outcome: e.outcome,
        waitingOn: e.waitingOn
          .map((k) => this.#entries.get(k))
          .filter((w): w is TimelineEntry => w !== undefined)
          .map(refOf),
        ...(e.error ? { error: e.error.message } : {}),
      })),
    };
  }

  /**
   * The chain of labels a pending entry waits on, following the first still
   * pending dependency at each step: `['catalog', "core.scheduler for 'catalog'", ...]`.
   */
  waitChain(key: string): string[] {
    const chain: string[] = [];
    const seen = new Set<string>();
    let current = this.#entries.get(key);
    while (current && !seen.has(current.key)) {
      seen.add(current.key);
      chain.push(current.label);
      // Follow the pending dependency that began earliest (INIT-148).
      current = current.waitingOn
        .map((k) => this.#entries.get(k))
        .filter((e): e is TimelineEntry => e !== undefined && e.outcome === 'pending')
        .sort((a, b) => a.startedAt - b.startedAt)[0];
    }
    return chain;
  }

  /** Like {@link waitChain}, as entry refs (the log field `waitChain`, INIT-149). */
  waitChainRefs(key: string): TimelineEntryRef[] {
    const keys: TimelineEntryRef[] = [];
    const seen = new Set<string>();
    let current = this.#entries.get(key);
    while (current && !seen.has(current.key)) {
      seen.add(current.key);
      keys.push(refOf(current));
      current = current.waitingOn
        .map((k) => this.#entries.get(k))
        .filter((e): e is TimelineEntry => e !== undefined && e.outcome === 'pending')
        .sort((a, b) => a.startedAt - b.startedAt)[0];
    }
    return keys;
  }

  /** Pending entries of a kind. */
  pending(kind: TimelineEntryKind): TimelineEntry[] {
    return [...this.#entries.values()].filter((e) => e.kind === kind && e.outcome === 'pending');
  }
}
