import type { OpenstageError } from '../../errors/OpenstageError.js';
import { PLUGIN_METADATA_SERVICE_ID } from '../../wireFormat/constants.js';
import type { InternalServiceRef } from '../../wireFormat/types.js';
import type { FactoryRecord, ServiceRegistry } from '../ServiceRegistry.js';

/** A service as preflight sees it: the factories that would serve it and their deps. */
export interface ServiceNode {
  id: string;
  scope: 'root' | 'plugin';
  multiton: boolean;
  /** Winning factories (several for a multiton); empty when nothing provides it. */
  records: readonly FactoryRecord[];
  /** Every dependency of every winning factory. */
  deps: InternalServiceRef[];
  /** True for `core.pluginMetadata`, which the runtime synthesises. */
  synthesized: boolean;
}

export interface ServiceGraph {
  nodes: Map<string, ServiceNode>;
  /** Ref default factories that failed to load. */
  failures: OpenstageError[];
}

/**
 * Resolves the service wiring without creating any instance: provided
 * factories as registered, and ref default factories loaded (loading a
 * default factory only imports its definition; no factory function runs).
 */
export async function resolveServiceGraph(
  registry: ServiceRegistry,
  refs: ReadonlyMap<string, InternalServiceRef>,
): Promise<ServiceGraph> {
  const nodes = new Map<string, ServiceNode>();
  const failures: OpenstageError[] = [];
  const queue: InternalServiceRef[] = [...refs.values()];
  for (const records of registry.allRecords().values()) {
    for (const record of records) queue.push(record.factory.service);
  }
  for (let head = 0; head < queue.length; head++) {
    const ref = queue[head]!;
    if (nodes.has(ref.id)) continue;
    let records: readonly FactoryRecord[] = registry.getRecords(ref.id) ?? [];
    if (records.length === 0 && ref.id !== PLUGIN_METADATA_SERVICE_ID) {
      const loading = registry.loadRefDefault(ref);
      if (loading) {
        try {
          records = [await loading];
        } catch (error) {
          failures.push(error as OpenstageError);
        }
      }
    }
    const deps = records.flatMap((r) => Object.values(r.factory.deps));
    const first = records[0]?.factory.service;
    nodes.set(ref.id, {
      id: ref.id,
      scope: first?.scope ?? ref.scope,
      multiton: (first?.multiton ?? ref.multiton) === true,
      records,
      deps,
      synthesized: ref.id === PLUGIN_METADATA_SERVICE_ID,
    });
    for (const dep of deps) {
      if (!nodes.has(dep.id)) queue.push(dep);
    }
  }
  return { nodes, failures };
}
