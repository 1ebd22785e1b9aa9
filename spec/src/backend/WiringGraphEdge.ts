/**
 * An edge of the wiring graph.
 *
 * **When to use**: in the `edges` of a {@link WiringGraph}.
 *
 * **Details**: `depends` goes from a plugin, module or service to a service it depends on;
 * `consumes` from a module to an extension point it depends on; `provides` from a plugin or
 * module to an extension point it registers; `extends` from a module to its plugin. `name` is
 * the dependency's key in `deps`, for `depends` and `consumes` edges.
 *
 * @requirement BACK-088
 * @requirement BACK-089
 * @requirement BACK-090
 * @requirement BACK-091
 * @requirement BACK-096
 * @see {@link WiringGraph}
 * @category backend
 * @since 0.1.0
 */
export interface WiringGraphEdge {
  /** The id of the node the edge starts at. */
  from: string;
  /** The id of the node the edge ends at. */
  to: string;
  /** The relation. */
  kind: 'depends' | 'consumes' | 'provides' | 'extends';
  /** The dependency's key in `deps`. */
  name?: string;
}
