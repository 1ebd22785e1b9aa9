import type { WiringGraph } from './WiringGraph.js';

function mermaidId(index: number): string {
  return `n${index}`;
}

function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

const SHAPES: Record<string, [string, string]> = {
  plugin: ['[', ']'],
  module: ['[[', ']]'],
  service: ['([', '])'],
  extensionPoint: ['{{', '}}'],
};

/**
 * Renders a wiring graph as a Mermaid flowchart (BACK-094): first line
 * `flowchart LR`, one node per graph node labelled with its id, one arrow per
 * edge labelled with its kind (and dependency key). Deterministic because the
 * graph is sorted.
 */
export function renderMermaid(graph: Pick<WiringGraph, 'nodes' | 'edges'>): string {
  const index = new Map<string, string>(graph.nodes.map((node, i) => [node.id, mermaidId(i)]));
  const lines = ['flowchart LR'];
  graph.nodes.forEach((node) => {
    const [open, close] = SHAPES[node.kind] ?? ['[', ']'];
    lines.push(`  ${index.get(node.id)}${open}${label(node.id)}${close}`);
  });
  for (const edge of graph.edges) {
    const text = edge.name === undefined ? edge.kind : `${edge.kind} ${edge.name}`;
    lines.push(`  ${index.get(edge.from)} -->|${label(text)}| ${index.get(edge.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
