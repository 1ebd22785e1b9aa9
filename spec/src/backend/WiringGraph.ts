import type { WiringGraphEdge } from './WiringGraphEdge.js';
import type { WiringGraphNode } from './WiringGraphNode.js';

/**
 * The resolved wiring of a backend as stable, sorted data: plugins, modules, services with the
 * factories that won, extension points, and who depends on what.
 *
 * **When to use**: returned by `graph()`; snapshot its JSON in a test to catch an unintended
 * change in wiring, or render `toMermaid()` in documentation.
 *
 * **Details**: built only from ids, refs and registrations, never from timestamps, addresses,
 * paths or call sites, so the same features and configuration give the same JSON everywhere.
 * Nodes are sorted by `id`, edges by `from`, `to`, `kind` and `name`. `toMermaid` is a function,
 * so `JSON.stringify` leaves it out.
 *
 * @requirement BACK-076
 * @requirement BACK-077
 * @requirement BACK-092
 * @requirement BACK-093
 * @requirement BACK-094
 * @requirement BACK-095
 * @see {@link WiringGraphNode}
 * @see {@link WiringGraphEdge}
 * @category backend
 * @since 0.1.0
 */
export interface WiringGraph {
  /** Always `'openstage.wiring-graph'`. */
  format: 'openstage.wiring-graph';
  /** The graph format version, `1`. */
  version: 1;
  /** The nodes, sorted by `id`. */
  nodes: WiringGraphNode[];
  /** The edges, sorted by `from`, `to`, `kind` and `name`. */
  edges: WiringGraphEdge[];
  /** Renders the graph as a Mermaid flowchart starting with `flowchart LR`. */
  toMermaid: () => string;
}
