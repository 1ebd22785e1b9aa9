import type { FactoryOrigin } from '../ServiceRegistry.js';

/** A factory in a service node: where it came from and its effective initialization. */
export interface WiringGraphFactory {
  source: FactoryOrigin;
  initialization: 'always' | 'lazy';
}

export type WiringGraphNode =
  | { id: `plugin:${string}`; kind: 'plugin'; pluginId: string; installed: boolean }
  | { id: `module:${string}`; kind: 'module'; pluginId: string; moduleId: string }
  | {
      id: `service:${string}`;
      kind: 'service';
      serviceId: string;
      scope: 'root' | 'plugin';
      multiton: boolean;
      /** Factories that take effect, in registration order (several for a multiton). */
      factories: WiringGraphFactory[];
      /** Factories replaced by one of higher precedence. */
      overridden: WiringGraphFactory[];
    }
  | { id: `extensionPoint:${string}`; kind: 'extensionPoint'; extensionPointId: string; pluginId?: string };

export interface WiringGraphEdge {
  from: string;
  to: string;
  kind: 'depends' | 'consumes' | 'provides' | 'extends';
  /** The dependency key, for `depends` and `consumes` edges. */
  name?: string;
}

/**
 * The resolved wiring of a backend as stable, sorted data: the same wiring
 * always gives the same graph, so it can be snapshot-tested (BACK-076..096).
 */
export interface WiringGraph {
  format: 'openstage.wiring-graph';
  version: 1;
  nodes: WiringGraphNode[];
  edges: WiringGraphEdge[];
  toMermaid(): string;
}
