import { DiscoveryError } from './discoveryErrors.js';

/** One DNS SRV record, as `node:dns` returns it. */
export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

/** Looks up the SRV records of a name; `node:dns/promises` `resolveSrv` by default. */
export type SrvResolver = (name: string) => Promise<SrvRecord[]>;

/**
 * Picks one record among those with the lowest priority value, at random in proportion to
 * the weights (DISC-062); records of weight 0 are only chosen when all weights are 0.
 */
export function pickSrvRecord(
  records: readonly SrvRecord[],
  random: () => number = Math.random,
): SrvRecord | undefined {
  if (records.length === 0) return undefined;
  const lowest = Math.min(...records.map((r) => r.priority));
  const candidates = records.filter((r) => r.priority === lowest);
  const total = candidates.reduce((sum, r) => sum + Math.max(0, r.weight), 0);
  if (total === 0) return candidates[Math.floor(random() * candidates.length)] ?? candidates[0];
  let point = random() * total;
  for (const record of candidates) {
    point -= Math.max(0, record.weight);
    if (point < 0) return record;
  }
  return candidates[candidates.length - 1];
}

/**
 * Resolves a filled-in `http+srv://` / `https+srv://` URL to `<scheme>://<target>:<port><path>`
 * (DISC-060, DISC-061), rejecting with `DISC_SRV_RESOLUTION_FAILED` naming the record name
 * when the lookup fails or finds nothing (DISC-065).
 */
export async function resolveSrvTarget(
  url: string,
  scheme: 'http' | 'https',
  resolver: SrvResolver,
  random?: () => number,
): Promise<string> {
  const parsed = new URL(url);
  const recordName = parsed.hostname;
  let records: SrvRecord[];
  try {
    records = await resolver(recordName);
  } catch (cause) {
    throw new DiscoveryError(
      'DISC_SRV_RESOLUTION_FAILED',
      { recordName, reason: cause instanceof Error ? cause.message : String(cause) },
      { cause },
    );
  }
  const record = pickSrvRecord(records, random);
  if (!record)
    throw new DiscoveryError('DISC_SRV_RESOLUTION_FAILED', {
      recordName,
      reason: 'no records found',
    });
  const host = record.name.includes(':') ? `[${record.name}]` : record.name.replace(/\.$/, '');
  let path = parsed.pathname;
  while (path.endsWith('/')) path = path.slice(0, -1);
  return `${scheme}://${host}:${record.port}${path}`;
}
