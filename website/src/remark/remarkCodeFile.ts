import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Code, Parent, Root, RootContent } from 'mdast';

interface VFileLike {
  path?: string;
  history?: string[];
}

/** `file=./samples/plugin/todoPlugin.ts`, with an optional `#L3-L20` or `#region-name` suffix. */
const FILE_META = /(?:^|\s)file=(\S+)/;
const LINE_RANGE = /^L(\d+)(?:-L?(\d+))?$/;
/** `// #region name` and `// #endregion name` (also `#` comments, for YAML and shell). */
const REGION_MARKER = /^\s*(?:\/\/|#)\s*#(end)?region\b\s*(\S*)/;

/** A code fence whose `file=` cannot be honoured: fails the build naming the page and the fence. */
export class CodeFileError extends Error {
  constructor(page: string, meta: string, reason: string) {
    super(`${page}: code fence \`${meta}\`: ${reason}`);
    this.name = 'CodeFileError';
  }
}

/**
 * Lines `from` to `to` (1-based, inclusive) of `text`; region markers inside are dropped so a
 * range may span a region.
 */
function lineRange(lines: string[], from: number, to: number, fail: (r: string) => never) {
  if (from < 1 || to < from || to > lines.length) {
    fail(`line range L${from}-L${to} is outside the file's ${lines.length} lines`);
  }
  return lines.slice(from - 1, to);
}

/** The lines between `#region name` and its `#endregion`, without markers of nested regions. */
function region(lines: string[], name: string, fail: (r: string) => never): string[] {
  const start = lines.findIndex((line) => {
    const m = REGION_MARKER.exec(line);
    return m && !m[1] && m[2] === name;
  });
  if (start < 0) fail(`no \`// #region ${name}\` marker in the file`);
  const end = lines.findIndex((line, i) => {
    const m = REGION_MARKER.exec(line);
    return i > start && m && m[1] && (m[2] === name || m[2] === '');
  });
  if (end < 0) fail(`region '${name}' has no \`// #endregion ${name}\` marker`);
  return lines.slice(start + 1, end);
}

/** Removes the indentation common to every non-blank line, so a region reads flush left. */
function dedent(lines: string[]): string[] {
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^\s*/.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common));
}

/**
 * Reads the part of `file` that `selector` names: the whole file, a line range (`L3-L20`, `L7`)
 * or a region (`setup` for `// #region setup` ... `// #endregion setup`). Region markers never
 * reach the page, and blank lines at either end are trimmed.
 */
export function readCodeFile(
  file: string,
  selector: string | undefined,
  fail: (reason: string) => never,
): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let lines = text.replace(/\r\n/g, '\n').split('\n');
  if (selector) {
    const range = LINE_RANGE.exec(selector);
    lines = range
      ? lineRange(lines, Number(range[1]), Number(range[2] ?? range[1]), fail)
      : region(lines, selector, fail);
  }
  lines = dedent(lines.filter((line) => !REGION_MARKER.test(line)));
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines.join('\n');
}

function visitCode(node: Root | RootContent, visit: (code: Code) => void): void {
  if (node.type === 'code') visit(node);
  if ('children' in node) for (const child of (node as Parent).children) visitCode(child, visit);
}

/**
 * Fills a code fence from a source file at build time, so that a guide shows the sample the CI
 * compiles and runs rather than a copy that can drift:
 *
 * ````md
 * ```ts file=./samples/plugin/todoPlugin.ts
 * ```
 * ```ts file=./samples/plugin/todoPlugin.ts#register title="todoPlugin.ts"
 * ```
 * ```ts file=./samples/plugin/todoPlugin.ts#L1-L12
 * ```
 * ````
 *
 * The path is relative to the Markdown file. A fence that already has content, a missing file,
 * range or region fails the build with the page and the fence named. The rest of the meta
 * (`title=...`, line highlights) is kept for the code block theme; a whole file without a
 * `title=` is titled with its file name.
 */
export default function remarkCodeFile() {
  return (tree: Root, file: VFileLike): void => {
    const page = file.path ?? file.history?.[0] ?? '<unknown page>';
    visitCode(tree, (code) => {
      const meta = code.meta ?? '';
      const match = FILE_META.exec(meta);
      if (!match?.[1]) return;
      const fail = (reason: string): never => {
        throw new CodeFileError(page, `${code.lang ?? ''} ${meta}`.trim(), reason);
      };
      if (code.value.trim() !== '') {
        fail('has both a file= and content; leave the fence empty, the file fills it');
      }
      const [relative, selector] = match[1].split('#', 2) as [string, string | undefined];
      const source = path.resolve(path.dirname(page), relative);
      code.value = readCodeFile(source, selector, fail);
      const rest = meta.replace(FILE_META, ' ').trim();
      // A whole file is titled with its name unless the fence gives a title of its own.
      const title = !selector && !/\btitle=/.test(rest) ? `title="${path.basename(source)}"` : '';
      const kept = `${rest} ${title}`.trim();
      code.meta = kept === '' ? null : kept;
    });
  };
}
