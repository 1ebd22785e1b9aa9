import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { InlineCode, Link, Parent, PhrasingContent, Root, RootContent, Strong } from 'mdast';

/** `**[INIT-004]**` at the start of a paragraph: the requirement's ID. */
const REQUIREMENT_ID = /^\[([A-Z][A-Z0-9]*-\d{3})\]$/;
/** The text right before `` `CODE` `` in a requirement's `Error: \`CODE\`` suffix. */
const ERROR_PREFIX = /(^|\s)Error:\s*$/;
const ERROR_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

interface VFileLike {
  path?: string;
  history?: string[];
}

/**
 * The anchor element carries the id (not the paragraph) because Docusaurus's broken-anchor
 * check only knows ids that `@docusaurus/Link` renders; a bare `<p id>` would make every link
 * to `#INIT-004` a false "broken anchor".
 */
function selfLink(id: string, className: string, children: PhrasingContent[]): Link {
  return {
    type: 'link',
    url: `#${id}`,
    title: null,
    children,
    data: { hProperties: { id, className: [className] } },
  };
}

function isParent(node: RootContent | Root): node is Parent & (RootContent | Root) {
  return 'children' in node && Array.isArray((node as Parent).children);
}

function walk(node: Root | RootContent, visit: (node: RootContent, parent: Parent) => void): void {
  if (!isParent(node)) return;
  for (const child of node.children as RootContent[]) {
    visit(child, node);
    walk(child, visit);
  }
}

/**
 * Gives every requirement paragraph of a spec chapter its own anchor and a visible self-link
 * (`#INIT-004`), turns the `Error: \`CODE\`` suffix into a link to the code's row in the error
 * catalog, ends the paragraph of a requirement that some test checks with a `tests` link to its
 * row in the conformance results, and gives each row of the catalog (spec/docs/errors.md) an
 * anchor named after its code.
 *
 * Links point at the catalog's source file (`../errors.md#CODE`) so that Docusaurus resolves them
 * to the right URL and its broken-link check covers them. Runs before Docusaurus's default remark
 * plugins for that reason.
 */
export default function remarkRequirementAnchors() {
  return (tree: Root, file: VFileLike): void => {
    const filePath = file.path ?? file.history?.[0] ?? '';
    const isCatalog = path.basename(filePath) === 'errors.md';
    const catalogLink = relativeCatalogLink(filePath);
    const tested = testedRequirements(filePath);

    walk(tree, (node) => {
      if (node.type === 'paragraph') {
        const first = node.children[0];
        const id = first && requirementId(first);
        if (!id || !first) return;
        node.data = {
          ...node.data,
          hProperties: { ...node.data?.hProperties, className: ['requirement'] },
        };
        (first as Strong).children = [
          selfLink(id, 'requirement-anchor', [{ type: 'text', value: `[${id}]` }]),
        ];
        if (catalogLink) linkErrorCodes(node, catalogLink);
        if (tested.has(id)) node.children.push(...resultsLink(id));
      } else if (isCatalog && node.type === 'tableRow') {
        const cell = node.children[0];
        const code = cell?.children[0];
        if (cell && code?.type === 'inlineCode' && ERROR_CODE.test(code.value)) {
          cell.children[0] = selfLink(code.value, 'error-code-anchor', [code]);
          const requirementsCell = node.children[1];
          if (requirementsCell) {
            requirementsCell.children = linkRequirementIds(
              requirementsCell.children,
              requirementFiles(filePath),
            );
          }
        }
      }
    });
  };
}

/**
 * A trailing link from a requirement to its row in the conformance results, which lists the
 * tests that check it and their outcome per implementation. Absolute, because the results page
 * belongs to another docs instance; Docusaurus still checks that the route exists.
 */
function resultsLink(id: string): PhrasingContent[] {
  return [
    { type: 'text', value: ' ' },
    {
      type: 'link',
      url: `/conformance/results?requirement=${id}`,
      title: `Tests of ${id} and their results`,
      children: [{ type: 'text', value: 'tests' }],
      data: { hProperties: { className: ['requirement-results'] } },
    },
  ];
}

let testedCache: { root: string; ids: Set<string> } | undefined;

/**
 * The requirements some test checks: those with tests in conformance/traceability.json and those
 * listed by a test in a committed report (conformance/results/<adapter>/report.json). Empty
 * outside spec/docs and when neither file exists yet. Read once per build.
 */
function testedRequirements(filePath: string): ReadonlySet<string> {
  const marker = `${path.sep}spec${path.sep}docs${path.sep}`;
  const at = filePath.lastIndexOf(marker);
  if (at < 0) return new Set();
  const root = path.join(filePath.slice(0, at), 'conformance');
  if (testedCache?.root === root) return testedCache.ids;
  const ids = new Set<string>();
  const traceability = path.join(root, 'traceability.json');
  if (existsSync(traceability)) {
    const data = JSON.parse(readFileSync(traceability, 'utf8')) as {
      requirements?: Record<string, { tests?: unknown[] }>;
    };
    for (const [id, entry] of Object.entries(data.requirements ?? {})) {
      if (Array.isArray(entry?.tests) && entry.tests.length > 0) ids.add(id);
    }
  }
  const results = path.join(root, 'results');
  const adapters = existsSync(results) ? readdirSync(results) : [];
  for (const adapter of adapters) {
    const report = path.join(results, adapter, 'report.json');
    if (!existsSync(report)) continue;
    const data = JSON.parse(readFileSync(report, 'utf8')) as {
      results?: { requirements?: string[] }[];
    };
    for (const result of data.results ?? [])
      for (const id of result.requirements ?? []) ids.add(id);
  }
  testedCache = { root, ids };
  return ids;
}

/** `AUTH-182, AUTH-183` in a catalog row becomes links to those requirements in their chapters. */
function linkRequirementIds(
  cells: PhrasingContent[],
  files: ReadonlyMap<string, string>,
): PhrasingContent[] {
  return cells.flatMap((child): PhrasingContent[] => {
    if (child.type !== 'text') return [child];
    const parts = child.value.split(/([A-Z][A-Z0-9]*-\d{3})/);
    return parts.flatMap((part, index): PhrasingContent[] => {
      const file = index % 2 === 1 ? files.get(part) : undefined;
      if (file)
        return [
          { type: 'link', url: `./${file}#${part}`, children: [{ type: 'text', value: part }] },
        ];
      return part ? [{ type: 'text', value: part }] : [];
    });
  });
}

let requirementFileCache: { source: string; files: Map<string, string> } | undefined;

/**
 * Requirement ID -> chapter file relative to spec/docs, from spec/requirements.json (which
 * spec:generate keeps in step with the chapters). Read once per build.
 */
function requirementFiles(catalogPath: string): ReadonlyMap<string, string> {
  const source = path.resolve(path.dirname(catalogPath), '..', 'requirements.json');
  if (requirementFileCache?.source === source) return requirementFileCache.files;
  const files = new Map<string, string>();
  const index = JSON.parse(readFileSync(source, 'utf8')) as {
    chapters: { id: string; file: string }[];
    requirements: { id: string; chapter: string }[];
  };
  const chapterFile = new Map(index.chapters.map((c) => [c.id, c.file.replace(/^docs\//, '')]));
  for (const requirement of index.requirements) {
    const file = chapterFile.get(requirement.chapter);
    if (file) files.set(requirement.id, file);
  }
  requirementFileCache = { source, files };
  return files;
}

function requirementId(node: PhrasingContent): string | undefined {
  if (node.type !== 'strong' || node.children.length !== 1) return undefined;
  const text = node.children[0];
  if (text?.type !== 'text') return undefined;
  return REQUIREMENT_ID.exec(text.value)?.[1];
}

function linkErrorCodes(paragraph: Parent, catalogLink: string): void {
  const children = paragraph.children as PhrasingContent[];
  for (let i = 1; i < children.length; i++) {
    const before = children[i - 1];
    const code = children[i];
    if (
      before?.type === 'text' &&
      ERROR_PREFIX.test(before.value) &&
      code?.type === 'inlineCode' &&
      ERROR_CODE.test((code as InlineCode).value)
    ) {
      children[i] = {
        type: 'link',
        url: `${catalogLink}#${(code as InlineCode).value}`,
        title: `Error catalog: ${(code as InlineCode).value}`,
        children: [code],
        data: { hProperties: { className: ['error-code-link'] } },
      };
    }
  }
}

/**
 * The catalog's path relative to the chapter, or undefined outside spec/docs (guides may quote a
 * requirement without linking its error). Chapters live in spec/docs and spec/docs/services.
 */
function relativeCatalogLink(filePath: string): string | undefined {
  const marker = `${path.sep}spec${path.sep}docs${path.sep}`;
  const at = filePath.lastIndexOf(marker);
  if (at < 0) return undefined;
  const docsDir = filePath.slice(0, at + marker.length);
  const rel = path.relative(path.dirname(filePath), path.join(docsDir, 'errors.md'));
  return rel.startsWith('.') ? rel.split(path.sep).join('/') : `./${rel.split(path.sep).join('/')}`;
}
