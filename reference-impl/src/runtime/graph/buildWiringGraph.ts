import { EXTENSION_POINT_TYPE } from '../../wireFormat/constants.js';
import type { PreflightResult } from '../preflight/runPreflight.js';
import type { FactoryRecord } from '../ServiceRegistry.js';
import type { WiringModel } from '../WiringModel.js';
import { renderMermaid } from './renderMermaid.js';
import type {
  WiringGraph,
  WiringGraphEdge,
  WiringGraphFactory,
  WiringGraphNode,
} from './WiringGraph.js';

const cmp = (a: string | undefined, b: string | undefined): number =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

/** Builds the stable wiring graph of a collected and preflighted backend. */
export function buildWiringGraph(model: WiringModel, preflight: PreflightResult): WiringGraph {
  const nodes = new Map<string, WiringGraphNode>();
  const edges: WiringGraphEdge[] = [];
  const pluginNode = (pluginId: string): string => {
    const id = `plugin:${pluginId}` as const;
    if (!nodes.has(id))
      nodes.set(id, { id, kind: 'plugin', pluginId, installed: model.plugins.has(pluginId) });
    return id;
  };
  const epNode = (extensionPointId: string): string => {
    const id = `extensionPoint:${extensionPointId}` as const;
    if (!nodes.has(id)) {
      const owner = model.extensionPoints.get(extensionPointId)?.pluginId;
      nodes.set(id, {
        id,
        kind: 'extensionPoint',
        extensionPointId,
        ...(owner !== undefined ? { pluginId: owner } : {}),
      });
    }
    return id;
  };
  const factory = (node: { scope: 'root' | 'plugin' }, r: FactoryRecord): WiringGraphFactory => ({
    source: r.origin,
    initialization: r.factory.initialization ?? (node.scope === 'root' ? 'always' : 'lazy'),
  });
  for (const node of preflight.serviceGraph.nodes.values()) {
    const id = `service:${node.id}` as const;
    nodes.set(id, {
      id,
      kind: 'service',
      serviceId: node.id,
      scope: node.scope,
      multiton: node.multiton,
      factories: node.synthesized
        ? [{ source: 'runtime', initialization: 'lazy' }]
        : node.records.map((r) => factory(node, r)),
      overridden: model.registry.getOverridden(node.id).map((r) => factory(node, r)),
    });
    for (const record of node.records) {
      for (const [name, dep] of Object.entries(record.factory.deps)) {
        edges.push({ from: id, to: `service:${dep.id}`, kind: 'depends', name });
      }
    }
  }
  const seenRegistrations = new Set<string>();
  for (const r of model.registrations) {
    const from =
      r.moduleId === undefined ? pluginNode(r.pluginId) : `module:${r.pluginId}/${r.moduleId}`;
    if (seenRegistrations.has(from)) continue;
    seenRegistrations.add(from);
    if (r.moduleId !== undefined) {
      nodes.set(from, {
        id: from as `module:${string}/${string}`,
        kind: 'module',
        pluginId: r.pluginId,
        moduleId: r.moduleId,
      });
      edges.push({ from, to: pluginNode(r.pluginId), kind: 'extends' });
    }
    for (const [name, dep] of Object.entries(r.init.deps)) {
      if ((dep as { $$type?: unknown }).$$type === EXTENSION_POINT_TYPE) {
        if (r.moduleId !== undefined)
          edges.push({ from, to: epNode(dep.id), kind: 'consumes', name });
      } else {
        edges.push({ from, to: `service:${dep.id}`, kind: 'depends', name });
      }
    }
    for (const { ref } of r.provides) edges.push({ from, to: epNode(ref.id), kind: 'provides' });
  }
  // Every edge must end at a node (BACK-096): services only referenced get a bare node.
  for (const edge of edges) {
    if (!nodes.has(edge.to) && edge.to.startsWith('service:')) {
      const serviceId = edge.to.slice('service:'.length);
      const ref = model.refs.get(serviceId);
      nodes.set(edge.to, {
        id: edge.to as `service:${string}`,
        kind: 'service',
        serviceId,
        scope: ref?.scope ?? 'plugin',
        multiton: ref?.multiton === true,
        factories: [],
        overridden: [],
      });
    }
  }
  const sortedNodes = [...nodes.values()].sort((a, b) => cmp(a.id, b.id));
  const sortedEdges = edges.sort(
    (a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind) || cmp(a.name, b.name),
  );
  const graph: WiringGraph = {
    format: 'openstage.wiring-graph',
    version: 1,
    nodes: sortedNodes,
    edges: sortedEdges,
    toMermaid: () => renderMermaid(graph),
  };
  // Keep toMermaid out of JSON.stringify output so snapshots hold only data.
  Object.defineProperty(graph, 'toMermaid', { enumerable: false });
  return graph;
}
