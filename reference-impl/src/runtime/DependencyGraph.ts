/** One node of a {@link DependencyGraph}: a value plus the ids it provides and consumes. */
export interface DependencyGraphNodeInput<T> {
  value: T;
  provides?: Iterable<string>;
  consumes?: Iterable<string>;
}

interface Node<T> {
  readonly index: number;
  readonly value: T;
  readonly provides: ReadonlySet<string>;
  readonly consumes: ReadonlySet<string>;
}

/**
 * A generic graph of nodes that provide and consume string ids.
 *
 * An edge runs from a consumer to every node that provides what it consumes.
 * Every operation is linear in nodes plus edges, so wiring cost stays linear
 * in the number of features. Results follow the insertion order of the nodes,
 * so callers that sort their input get deterministic output.
 */
export class DependencyGraph<T> {
  readonly #nodes: Node<T>[];
  readonly #providers = new Map<string, Node<T>[]>();
  #edges: number[][] | undefined;

  static fromIterable<T>(inputs: Iterable<DependencyGraphNodeInput<T>>): DependencyGraph<T> {
    return new DependencyGraph(inputs);
  }

  private constructor(inputs: Iterable<DependencyGraphNodeInput<T>>) {
    this.#nodes = [];
    for (const input of inputs) {
      const node: Node<T> = {
        index: this.#nodes.length,
        value: input.value,
        provides: new Set(input.provides ?? []),
        consumes: new Set(input.consumes ?? []),
      };
      this.#nodes.push(node);
      for (const id of node.provides) {
        const list = this.#providers.get(id);
        if (list) {
          list.push(node);
        } else {
          this.#providers.set(id, [node]);
        }
      }
    }
  }

  /** Outgoing edges (consumer to provider) by node index, built once. */
  #getEdges(): number[][] {
    if (!this.#edges) {
      this.#edges = this.#nodes.map((node) => {
        const targets = new Set<number>();
        for (const id of node.consumes) {
          for (const provider of this.#providers.get(id) ?? []) {
            targets.add(provider.index);
          }
        }
        return [...targets];
      });
    }
    return this.#edges;
  }

  /** Nodes that consume ids no node provides. */
  findUnsatisfiedDeps(): Array<{ value: T; unsatisfied: string[] }> {
    const result: Array<{ value: T; unsatisfied: string[] }> = [];
    for (const node of this.#nodes) {
      const unsatisfied = [...node.consumes].filter((id) => !this.#providers.has(id));
      if (unsatisfied.length > 0) {
        result.push({ value: node.value, unsatisfied });
      }
    }
    return result;
  }

  /**
   * Finds one cycle per strongly connected component that has one, as a path
   * whose first and last elements are the same node: `[a, b, a]`.
   *
   * Tarjan's algorithm (iterative, so deep graphs do not overflow the stack)
   * finds the components; a breadth-first search inside each component then
   * gives the shortest cycle through its first node.
   */
  findCycles(): T[][] {
    const edges = this.#getEdges();
    const count = this.#nodes.length;
    const indexOf = new Int32Array(count).fill(-1);
    const lowLink = new Int32Array(count);
    const onStack = new Uint8Array(count);
    const component = new Int32Array(count).fill(-1);
    const stack: number[] = [];
    const components: number[][] = [];
    let nextIndex = 0;

    for (let root = 0; root < count; root++) {
      if (indexOf[root] !== -1) continue;
      // Each frame is [node, position in its edge list].
      const frames: Array<[number, number]> = [[root, 0]];
      indexOf[root] = lowLink[root] = nextIndex++;
      stack.push(root);
      onStack[root] = 1;
      while (frames.length > 0) {
        const frame = frames[frames.length - 1]!;
        const [node, position] = frame;
        const out = edges[node]!;
        if (position < out.length) {
          frame[1] = position + 1;
          const next = out[position]!;
          if (indexOf[next] === -1) {
            indexOf[next] = lowLink[next] = nextIndex++;
            stack.push(next);
            onStack[next] = 1;
            frames.push([next, 0]);
          } else if (onStack[next]) {
            lowLink[node] = Math.min(lowLink[node]!, indexOf[next]!);
          }
          continue;
        }
        frames.pop();
        const parent = frames[frames.length - 1];
        if (parent) {
          lowLink[parent[0]] = Math.min(lowLink[parent[0]]!, lowLink[node]!);
        }
        if (lowLink[node] === indexOf[node]) {
          const members: number[] = [];
          let member: number;
          do {
            member = stack.pop()!;
            onStack[member] = 0;
            component[member] = components.length;
            members.push(member);
          } while (member !== node);
          components.push(members);
        }
      }
    }

    const cycles: Array<{ first: number; path: T[] }> = [];
    for (let c = 0; c < components.length; c++) {
      const members = components[c]!;
      const start = Math.min(...members);
      const selfLoop = edges[start]!.includes(start);
      if (members.length === 1 && !selfLoop) continue;
      if (selfLoop) {
        cycles.push({ first: start, path: [this.#nodes[start]!.value, this.#nodes[start]!.value] });
        continue;
      }
      // Shortest path start -> ... -> start inside the component.
      const previous = new Map<number, number>();
      const queue = [start];
      let closing: number | undefined;
      for (let head = 0; head < queue.length && closing === undefined; head++) {
        const node = queue[head]!;
        for (const next of edges[node]!) {
          if (component[next] !== c) continue;
          if (next === start) {
            closing = node;
            break;
          }
          if (!previous.has(next)) {
            previous.set(next, node);
            queue.push(next);
          }
        }
      }
      const indices: number[] = [];
      for (let node = closing!; node !== start; node = previous.get(node)!) {
        indices.push(node);
      }
      indices.push(start);
      indices.reverse();
      indices.push(start);
      cycles.push({ first: start, path: indices.map((i) => this.#nodes[i]!.value) });
    }
    return cycles.sort((a, b) => a.first - b.first).map((cycle) => cycle.path);
  }

  /** The first cycle found, or `undefined`. */
  detectCircularDependency(): T[] | undefined {
    return this.findCycles()[0];
  }

  /**
   * Calls `fn` for every node, in parallel, never before every provider of
   * what the node consumes has finished. Consumed ids that no node provides
   * are ignored. Rejects when a cycle prevents progress.
   */
  async parallelTopologicalTraversal<R>(fn: (value: T) => Promise<R>): Promise<R[]> {
    const edges = this.#getEdges();
    const count = this.#nodes.length;
    const dependents: number[][] = this.#nodes.map(() => []);
    const remaining = new Int32Array(count);
    edges.forEach((targets, consumer) => {
      for (const provider of targets) {
        remaining[consumer]!++;
        dependents[provider]!.push(consumer);
      }
    });
    const results: R[] = [];
    if (count === 0) {
      return results;
    }
    return new Promise<R[]>((resolve, reject) => {
      let done = 0;
      let inFlight = 0;
      let failed = false;
      const run = (index: number): void => {
        inFlight++;
        fn(this.#nodes[index]!.value).then(
          (result) => {
            if (failed) return;
            inFlight--;
            results.push(result);
            done++;
            for (const dependent of dependents[index]!) {
              if (--remaining[dependent]! === 0) run(dependent);
            }
            if (done === count) {
              resolve(results);
            } else if (inFlight === 0) {
              failed = true;
              reject(new Error('Circular dependency detected'));
            }
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      };
      const ready = this.#nodes.filter((node) => remaining[node.index] === 0);
      if (ready.length === 0) {
        reject(new Error('Circular dependency detected'));
        return;
      }
      for (const node of ready) run(node.index);
    });
  }
}
