import type { InternalServiceRef } from '../../wireFormat/types.js';
import { DependencyGraph } from '../DependencyGraph.js';
import type { ServiceRegistry } from '../ServiceRegistry.js';
import { resolveServiceGraph } from './resolveServiceGraph.js';

/** Cycles among service factories, as paths of service ids (`['a', 'b', 'a']`). */
export function serviceCycles(
  nodes: ReadonlyMap<string, { id: string; deps: ReadonlyArray<{ id: string }> }>,
): string[][] {
  const sorted = [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return DependencyGraph.fromIterable(
    sorted.map((node) => ({
      value: node.id,
      provides: [node.id],
      consumes: node.deps.map((d) => d.id),
    })),
  ).findCycles();
}

/** Resolves the service graph and returns its cycles. */
export async function findServiceCycles(
  registry: ServiceRegistry,
  refs: ReadonlyMap<string, InternalServiceRef>,
): Promise<string[][]> {
  const { nodes } = await resolveServiceGraph(registry, refs);
  return serviceCycles(nodes);
}
