import { describe, expect, it } from 'vitest';
import { DependencyGraph } from './DependencyGraph.js';

const graph = (edges: Record<string, string[]>) =>
  DependencyGraph.fromIterable(
    Object.entries(edges).map(([id, deps]) => ({ value: id, provides: [id], consumes: deps })),
  );

describe('DependencyGraph', () => {
  it('finds no cycle in a DAG', () => {
    expect(graph({ a: ['b'], b: ['c'], c: [] }).findCycles()).toEqual([]);
  });

  it('reports one cycle per strongly connected component, closed on its first node', () => {
    expect(
      graph({ a: ['b'], b: ['a'], c: ['d'], d: ['e'], e: ['c'], f: ['f'] }).findCycles(),
    ).toEqual([
      ['a', 'b', 'a'],
      ['c', 'd', 'e', 'c'],
      ['f', 'f'],
    ]);
  });

  it('lists consumers of unprovided ids', () => {
    expect(graph({ a: ['x'] }).findUnsatisfiedDeps()).toEqual([{ value: 'a', unsatisfied: ['x'] }]);
  });

  it('traverses providers before consumers, in parallel where possible', async () => {
    const order: string[] = [];
    await graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }).parallelTopologicalTraversal(
      async (v) => {
        order.push(v);
      },
    );
    expect(order[0]).toBe('d');
    expect(order[3]).toBe('a');
  });

  it('rejects a traversal that a cycle blocks', async () => {
    await expect(
      graph({ a: ['b'], b: ['a'] }).parallelTopologicalTraversal(async () => {}),
    ).rejects.toThrow('Circular dependency detected');
  });

  it('handles a 100,000-node chain without overflowing the stack', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 100_000; i++) edges[`n${i}`] = i + 1 < 100_000 ? [`n${i + 1}`] : ['n0'];
    const [cycle] = graph(edges).findCycles();
    expect(cycle).toHaveLength(100_001);
  });
});
