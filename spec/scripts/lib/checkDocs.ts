import type { Chapter } from './Chapter.js';
import type { Finding } from './Finding.js';

/**
 * Rules that need every chapter at once: unique chapter ids, areas and requirement IDs, and
 * error codes that are defined once, referenced by requirements, and point at real ones.
 */
export function checkDocs(chapters: Chapter[]): Finding[] {
  const findings: Finding[] = [];
  const firstChapterById = new Map<string, Chapter>();
  const firstChapterByArea = new Map<string, Chapter>();
  for (const chapter of chapters) {
    const sameId = firstChapterById.get(chapter.id);
    if (sameId) {
      findings.push({
        file: chapter.file,
        line: 1,
        rule: 'frontmatter',
        message: `chapter id '${chapter.id}' is already used by ${sameId.file}`,
      });
    } else firstChapterById.set(chapter.id, chapter);
    if (chapter.area === 'NONE') continue;
    const sameArea = firstChapterByArea.get(chapter.area);
    if (sameArea) {
      findings.push({
        file: chapter.file,
        line: 1,
        rule: 'frontmatter',
        message: `area '${chapter.area}' is already owned by ${sameArea.file}; one area per chapter`,
      });
    } else firstChapterByArea.set(chapter.area, chapter);
  }

  const requirementAt = new Map<string, { file: string; line: number }>();
  for (const chapter of chapters) {
    for (const r of chapter.requirements) {
      const first = requirementAt.get(r.id);
      if (first) {
        findings.push({
          file: chapter.file,
          line: r.line,
          rule: 'duplicate-id',
          message: `${r.id} is already defined at spec/${first.file}:${first.line}`,
        });
      } else requirementAt.set(r.id, { file: chapter.file, line: r.line });
    }
  }

  const codeAt = new Map<string, { file: string; line: number }>();
  for (const chapter of chapters) {
    for (const e of chapter.errors) {
      const first = codeAt.get(e.code);
      if (first) {
        findings.push({
          file: chapter.file,
          line: e.line,
          rule: 'error-code-duplicate',
          message: `error code ${e.code} is already defined at spec/${first.file}:${first.line}`,
        });
      } else codeAt.set(e.code, { file: chapter.file, line: e.line });
      if (e.requirements.length === 0) {
        findings.push({
          file: chapter.file,
          line: e.line,
          rule: 'error-table',
          message: `error code ${e.code} names no requirement`,
        });
      }
      for (const id of e.requirements) {
        if (!requirementAt.has(id)) {
          findings.push({
            file: chapter.file,
            line: e.line,
            rule: 'error-table',
            message: `error code ${e.code} names unknown requirement ${id}`,
          });
        }
      }
    }
  }

  const usedCodes = new Set<string>();
  for (const chapter of chapters) {
    for (const r of chapter.requirements) {
      if (r.errorCode === null) continue;
      usedCodes.add(r.errorCode);
      if (!codeAt.has(r.errorCode)) {
        findings.push({
          file: chapter.file,
          line: r.line,
          rule: 'error-code-unknown',
          message: `${r.id} names error code ${r.errorCode}, which no ## Errors table defines`,
        });
      }
    }
  }
  for (const chapter of chapters) {
    for (const e of chapter.errors) {
      if (!usedCodes.has(e.code)) {
        findings.push({
          file: chapter.file,
          line: e.line,
          rule: 'error-code-unused',
          message: `error code ${e.code} is not named by any requirement's Error: line`,
        });
      }
    }
  }
  return findings;
}
