import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';

interface VFileLike {
  path?: string;
  history?: string[];
}

/** The part of the unified processor this plugin uses: its own Markdown parser. */
interface ParsingProcessor {
  parse(text: string): Root;
}

/** A leaf directive node (`::include{file="..."}`), as remark-directive produces it. */
interface LeafDirective {
  type: 'leafDirective';
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
  children: PhrasingContent[];
}

const ABSOLUTE_URL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

function isParent(node: Root | RootContent): node is Root | (RootContent & Parent) {
  return 'children' in node && Array.isArray((node as Parent).children);
}

/**
 * Links inside an included file point into the repository, not the site; Docusaurus would fail
 * the build on them. They keep their text and lose the link.
 */
function unlinkRelative(nodes: RootContent[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (
      (node.type === 'link' || node.type === 'linkReference') &&
      !ABSOLUTE_URL.test(node.type === 'link' ? node.url : '')
    ) {
      return unlinkRelative(node.children as RootContent[]);
    }
    if (node.type === 'image' && !ABSOLUTE_URL.test(node.url)) {
      return [{ type: 'text', value: node.alt ?? '' }];
    }
    if (isParent(node)) {
      (node as Parent).children = unlinkRelative((node as Parent).children) as Parent['children'];
    }
    return [node];
  });
}

/** What the page shows instead of a file that does not exist: an admonition naming the file. */
function missingNotice(file: string): RootContent {
  return {
    type: 'containerDirective',
    name: 'info',
    attributes: {},
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Nothing to show yet: ' },
          { type: 'inlineCode', value: file },
          { type: 'text', value: ' did not exist when the site was built.' },
        ],
      },
    ],
  } as unknown as RootContent;
}

/**
 * Replaces a `::include{file="../../bench/results/latest.md"}` line with the Markdown of that
 * file, read and parsed at build time with the page's own parser (tables and all), so the page
 * always shows the file as committed. The path is relative to the page. A missing file becomes
 * a notice naming it (the site still builds: generated results may not exist yet), relative
 * to `options.root` when given. Relative links in the included file are unlinked, since they point
 * into the repository rather than the site.
 */
export default function remarkIncludeMarkdown(
  this: ParsingProcessor,
  options: { root?: string } = {},
) {
  const shown = (target: string) =>
    options.root ? path.relative(options.root, target).split(path.sep).join('/') : target;
  return (tree: Root, file: VFileLike): void => {
    const page = file.path ?? file.history?.[0] ?? '';
    const visit = (parent: Root | Parent): void => {
      parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
        const directive = child as unknown as LeafDirective;
        if (directive.type === 'leafDirective' && directive.name === 'include') {
          const relative = directive.attributes?.['file'];
          if (!relative) {
            throw new Error(
              `${page}: ::include needs a file attribute, e.g. ::include{file="x.md"}`,
            );
          }
          const target = path.resolve(path.dirname(page), relative);
          if (!existsSync(target)) {
            return [missingNotice(shown(target))];
          }
          const included = this.parse(readFileSync(target, 'utf8'));
          return unlinkRelative(included.children);
        }
        if (isParent(child)) visit(child as Parent);
        return [child];
      }) as typeof parent.children;
    };
    visit(tree);
  };
}
