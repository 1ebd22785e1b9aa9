import { join } from 'node:path';
import { Node, Project, SyntaxKind } from 'ts-morph';
import type { Finding } from './Finding.js';
import { listFiles } from './loadSpec.js';

/**
 * Checks the TypeScript side of the spec with ts-morph (syntax only, no type checking): every
 * exported declaration in `src/` carries TSDoc, and every `@requirement` tag names known IDs.
 */
export async function checkTypeScript(
  root: string,
  knownIds: ReadonlySet<string>,
): Promise<Finding[]> {
  const files = (await listFiles(root, 'src', '.ts')).filter((f) => !f.endsWith('.d.ts'));
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: false },
  });
  const findings: Finding[] = [];
  for (const file of files) {
    const source = project.addSourceFileAtPath(join(root, file));
    for (const statement of source.getStatements()) {
      if (!Node.isExportable(statement) || !statement.isExported()) continue;
      if (!Node.isJSDocable(statement)) continue;
      if (statement.getJsDocs().length === 0) {
        findings.push({
          file,
          line: statement.getStartLineNumber(),
          rule: 'tsdoc-missing',
          message: `exported ${describe(statement)} has no TSDoc block; document it (summary, @category, @since)`,
        });
      }
    }
    for (const doc of source.getDescendantsOfKind(SyntaxKind.JSDoc)) {
      for (const tag of doc.getTags()) {
        if (tag.getTagName() !== 'requirement') continue;
        const ids = (tag.getCommentText() ?? '').split(/[\s,]+/).filter(Boolean);
        if (ids.length === 0) {
          findings.push({
            file,
            line: tag.getStartLineNumber(),
            rule: 'requirement-tag-unknown',
            message: '@requirement tag names no requirement ID',
          });
        }
        for (const id of ids) {
          if (!knownIds.has(id)) {
            findings.push({
              file,
              line: tag.getStartLineNumber(),
              rule: 'requirement-tag-unknown',
              message: `@requirement ${id} names no requirement in spec/docs (see spec/requirements.json)`,
            });
          }
        }
      }
    }
  }
  return findings;
}

function describe(node: Node): string {
  const kind = node
    .getKindName()
    .replace(/Declaration$|Statement$/, '')
    .toLowerCase();
  const name = Node.hasName(node)
    ? node.getName()
    : Node.isVariableStatement(node)
      ? node
          .getDeclarations()
          .map((d) => d.getName())
          .join(', ')
      : '';
  return name ? `${kind} '${name}'` : kind;
}
