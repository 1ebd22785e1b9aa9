import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Code, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import remarkCodeFile from '../src/remark/remarkCodeFile.js';
import remarkIncludeMarkdown from '../src/remark/remarkIncludeMarkdown.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'openstage-remark-'));
const page = path.join(dir, 'guide.md');
writeFileSync(
  path.join(dir, 'sample.ts'),
  [
    "import { x } from 'y';",
    '',
    '// #region body',
    'export function f() {',
    '  // #region inner',
    '  return 1;',
    '  // #endregion inner',
    '}',
    '// #endregion body',
    '',
  ].join('\n'),
);

function fence(meta: string, value = ''): { tree: Root; code: Code } {
  const code: Code = { type: 'code', lang: 'ts', meta, value };
  return { tree: { type: 'root', children: [code] }, code };
}

function fill(meta: string, value = ''): Code {
  const { tree, code } = fence(meta, value);
  remarkCodeFile()(tree, { path: page });
  return code;
}

describe('remarkCodeFile', () => {
  it('fills a fence with the whole file, without region markers, keeping the rest of the meta', () => {
    const code = fill('file=./sample.ts title="sample.ts"');
    expect(code.value).toBe("import { x } from 'y';\n\nexport function f() {\n  return 1;\n}");
    expect(code.meta).toBe('title="sample.ts"');
  });

  it('fills a region, dedented, and a line range', () => {
    expect(fill('file=./sample.ts#inner').value).toBe('return 1;');
    expect(fill('file=./sample.ts#body').value).toBe('export function f() {\n  return 1;\n}');
    expect(fill('file=./sample.ts#L1').value).toBe("import { x } from 'y';");
    expect(fill('file=./sample.ts#L4-L8').value).toBe('export function f() {\n  return 1;\n}');
  });

  it('titles a whole file with its name, and a region not at all', () => {
    expect(fill('file=./sample.ts {2}').meta).toBe('{2} title="sample.ts"');
    expect(fill('file=./sample.ts#inner').meta).toBeNull();
  });

  it('leaves fences without file= alone', () => {
    expect(fill('title="x"', 'const a = 1;').value).toBe('const a = 1;');
  });

  it('fails the build naming the page and the fence', () => {
    expect(() => fill('file=./missing.ts')).toThrow(
      /guide\.md: code fence `ts file=\.\/missing\.ts`: cannot read .*missing\.ts \(ENOENT\)/,
    );
    expect(() => fill('file=./sample.ts#nope')).toThrow(/no `\/\/ #region nope` marker/);
    expect(() => fill('file=./sample.ts#L5-L99')).toThrow(/outside the file's 10 lines/);
    expect(() => fill('file=./sample.ts', 'stale copy')).toThrow(/has both a file= and content/);
  });
});

describe('remarkIncludeMarkdown', () => {
  /** Stands in for the page's parser: the included file as one paragraph with its links. */
  const processor = {
    parse: (text: string): Root => ({
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: text.trim() },
            { type: 'link', url: '../README.md', children: [{ type: 'text', value: 'readme' }] },
            { type: 'link', url: 'https://x.test/', children: [{ type: 'text', value: 'web' }] },
          ],
        },
      ],
    }),
  };
  const include = (file: string): Root => {
    const tree = {
      type: 'root',
      children: [{ type: 'leafDirective', name: 'include', attributes: { file }, children: [] }],
    } as unknown as Root;
    remarkIncludeMarkdown.call(processor, { root: dir })(tree, { path: page });
    return tree;
  };

  it('replaces the directive with the parsed file, unlinking links into the repository', () => {
    writeFileSync(path.join(dir, 'latest.md'), '| a | b |\n');
    expect(include('./latest.md').children).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: '| a | b |' },
          { type: 'text', value: 'readme' },
          { type: 'link', url: 'https://x.test/', children: [{ type: 'text', value: 'web' }] },
        ],
      },
    ]);
  });

  it('shows a notice naming a missing file instead of failing', () => {
    const tree = include('./results/none.md');
    expect(JSON.stringify(tree)).toContain('"value":"results/none.md"');
    expect(JSON.stringify(tree)).toContain('did not exist when the site was built');
  });
});
