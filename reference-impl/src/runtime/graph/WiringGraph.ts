/**
 * The wiring graph `graph()` resolves to (BACK-076 to BACK-096): the spec's
 * types, used as they are.
 */
export type {
  WiringGraph,
  WiringGraphEdge,
  WiringGraphFactory,
  WiringGraphNode,
} from '@openstage/spec';
