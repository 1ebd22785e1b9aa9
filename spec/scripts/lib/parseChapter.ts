import { parse as parseYaml } from 'yaml';
import { findKeywords, levelOf } from './bcp14.js';
import { CONFORMANCE_CLASSES } from './Chapter.js';
import type { Chapter, ConformanceClass, ErrorEntry, Requirement } from './Chapter.js';
import type { Finding } from './Finding.js';

export const ID_PATTERN = /^[A-Z][A-Z0-9]*-\d{3}$/;
export const ERROR_CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const ERROR_TABLE_HEADER = ['Code', 'Requirement', 'Raised when', 'How to fix'];

interface Block {
  line: number;
  lines: string[];
  section: string;
}

export interface ParsedChapter {
  chapter: Chapter | null;
  findings: Finding[];
}

/**
 * Parses one chapter: frontmatter, requirement paragraphs and the `## Errors` table, and
 * reports every rule a single file can break on its own. Cross-chapter rules (duplicate IDs,
 * unknown codes) are checked by `checkDocs` once every chapter is parsed.
 */
export function parseChapter(file: string, source: string): ParsedChapter {
  const findings: Finding[] = [];
  const report = (line: number, rule: Finding['rule'], message: string) =>
    findings.push({ file, line, rule, message });

  const lines = source.split(/\r?\n/);
  const front = readFrontmatter(lines);
  if (!front.ok) {
    report(front.line, 'frontmatter', front.message);
    return { chapter: null, findings };
  }
  const meta = front.data;
  const docPath = file.replace(/^docs\//, '').replace(/\.md$/, '');
  const chapter: Chapter = {
    file,
    docPath,
    id: typeof meta.id === 'string' ? meta.id : '',
    title: typeof meta.title === 'string' ? meta.title : '',
    area: typeof meta.area === 'string' ? meta.area : '',
    classes: [],
    position: typeof meta.sidebar_position === 'number' ? meta.sidebar_position : 0,
    requirements: [],
    errors: [],
  };
  for (const key of ['id', 'title', 'area'] as const) {
    if (!chapter[key]) report(1, 'frontmatter', `frontmatter needs a non-empty string \`${key}\``);
  }
  if (chapter.area && chapter.area !== 'NONE' && !/^[A-Z][A-Z0-9]*$/.test(chapter.area)) {
    report(1, 'frontmatter', `area '${chapter.area}' must be upper-case letters and digits`);
  }
  const classes = readClasses(meta.classes);
  if (classes.unknown.length > 0 || (chapter.area !== 'NONE' && classes.valid.length === 0)) {
    report(
      1,
      'frontmatter',
      `frontmatter \`classes\` must list one or more of ${CONFORMANCE_CLASSES.join(', ')}` +
        (classes.unknown.length ? `; unknown: ${classes.unknown.join(', ')}` : ''),
    );
  }
  chapter.classes = classes.valid;

  for (const block of splitBlocks(lines, front.bodyStart)) {
    const first = block.lines[0] ?? '';
    if (first.startsWith('**[')) {
      const requirement = parseRequirement(block, chapter, report);
      if (requirement) chapter.requirements.push(requirement);
      continue;
    }
    if (/^\s*(?:[-*+]|\d+[.)])\s+\*\*\[/.test(first)) {
      report(
        block.line,
        'malformed-id',
        'a requirement must start its own paragraph with **[AREA-NNN]**, not sit in a list item',
      );
    }
    if (block.section === 'Errors' && first.startsWith('|')) {
      chapter.errors.push(...parseErrorTable(block, chapter, report));
    }
    block.lines.forEach((text, i) => {
      const keywords = findKeywords(text);
      if (keywords.length > 0) {
        report(
          block.line + i,
          'keyword-outside-requirement',
          `BCP 14 keyword ${keywords.map((k) => `'${k}'`).join(', ')} outside a requirement paragraph; ` +
            'write it in lower case, put it in a code span, or make the sentence a numbered requirement',
        );
      }
    });
  }
  return { chapter, findings };
}

type FrontmatterResult =
  | { ok: true; data: Record<string, unknown>; bodyStart: number }
  | { ok: false; line: number; message: string };

function readFrontmatter(lines: string[]): FrontmatterResult {
  if (lines[0] !== '---') {
    return { ok: false, line: 1, message: 'a chapter must start with YAML frontmatter (---)' };
  }
  const end = lines.indexOf('---', 1);
  if (end < 0) return { ok: false, line: 1, message: 'frontmatter is not closed by a --- line' };
  try {
    const data: unknown = parseYaml(lines.slice(1, end).join('\n'));
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return { ok: false, line: 2, message: 'frontmatter must be a YAML mapping' };
    }
    return { ok: true, data: data as Record<string, unknown>, bodyStart: end + 1 };
  } catch (error) {
    return { ok: false, line: 2, message: `frontmatter is not valid YAML: ${String(error)}` };
  }
}

function readClasses(value: unknown): { valid: ConformanceClass[]; unknown: string[] } {
  const items = Array.isArray(value) ? value.map(String) : [];
  const known = new Set<string>(CONFORMANCE_CLASSES);
  return {
    valid: items.filter((c): c is ConformanceClass => known.has(c)),
    unknown: items.filter((c) => !known.has(c)),
  };
}

/**
 * Splits the body into blocks of consecutive lines, skipping fenced code. A heading, a quote,
 * a list item, a requirement and the start of a table each open a new block, so that a
 * requirement paragraph never swallows the note that follows it.
 */
function splitBlocks(lines: string[], start: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let fence: string | null = null;
  let section = '';
  for (let i = start; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      current = null;
      continue;
    }
    if (text.trim() === '') {
      current = null;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (heading && heading[1] === '##') section = heading[2]!.trim();
    const opensBlock =
      heading !== null ||
      text.startsWith('**[') ||
      /^\s*>/.test(text) ||
      /^\s*(?:[-*+]|\d+[.)])\s/.test(text) ||
      (text.startsWith('|') && !(current?.lines.at(-1) ?? '').startsWith('|'));
    if (!current || opensBlock) {
      current = { line: i + 1, lines: [], section };
      blocks.push(current);
    }
    current.lines.push(text);
  }
  return blocks;
}

type Report = (line: number, rule: Finding['rule'], message: string) => void;

const ANNOTATION_AT_END = /\s*(?:Error:\s*`([^`]*)`|Classes:\s*([A-Za-z, -]+?))\.?\s*$/;

function parseRequirement(block: Block, chapter: Chapter, report: Report): Requirement | null {
  const joined = block.lines.map((l) => l.trim()).join(' ');
  const head = /^\*\*\[([^\]]*)\]\*\*(.*)$/.exec(joined);
  if (!head) {
    report(
      block.line,
      'malformed-id',
      'a requirement must start with **[AREA-NNN]** (ID in bold brackets, nothing else inside the bold)',
    );
    return null;
  }
  const id = head[1]!;
  if (!ID_PATTERN.test(id)) {
    report(
      block.line,
      'malformed-id',
      `'${id}' is not a requirement ID of the form AREA-NNN (e.g. INIT-004)`,
    );
    return null;
  }
  if (id.slice(0, id.indexOf('-')) !== chapter.area) {
    report(block.line, 'area-mismatch', `${id} sits in a chapter whose area is ${chapter.area}`);
  }
  let text = head[2]!.trim();
  let status: Requirement['status'] = 'active';
  let withdrawnIn: string | null = null;
  const withdrawn = /^\*Withdrawn in ([^:*]+):\*\s*/.exec(text);
  if (withdrawn) {
    status = 'withdrawn';
    withdrawnIn = withdrawn[1]!.trim();
    text = text.slice(withdrawn[0].length);
  }

  let errorCode: string | null = null;
  let classes: ConformanceClass[] = chapter.classes;
  for (let m = ANNOTATION_AT_END.exec(text); m; m = ANNOTATION_AT_END.exec(text)) {
    text = text.slice(0, m.index).trimEnd();
    if (m[1] !== undefined) {
      if (errorCode !== null)
        report(block.line, 'annotation', `${id} has more than one Error: annotation`);
      errorCode = m[1];
    } else {
      const parsed = readClasses(m[2]!.split(',').map((c) => c.trim()));
      if (parsed.unknown.length > 0 || parsed.valid.length === 0) {
        report(
          block.line,
          'annotation',
          `${id}: Classes: must list ${CONFORMANCE_CLASSES.join(', ')}; got '${m[2]}'`,
        );
      }
      classes = parsed.valid;
    }
  }
  if (/\b(?:Error|Classes):\s/.test(text)) {
    report(
      block.line,
      'annotation',
      `${id}: Error: and Classes: annotations must end the paragraph`,
    );
  }

  const keywords = findKeywords(text);
  const allowed = status === 'withdrawn' ? keywords.length <= 1 : keywords.length === 1;
  if (!allowed) {
    report(
      block.line,
      'keyword-count',
      `${id} has ${keywords.length} BCP 14 keywords${keywords.length ? ` (${keywords.join(', ')})` : ''}; ` +
        'a requirement holds exactly one (split it into several requirements)',
    );
  }
  const keyword = keywords[0] ?? null;
  return {
    id,
    keyword,
    level: keyword ? levelOf(keyword) : null,
    text,
    errorCode,
    classes,
    status,
    withdrawnIn,
    line: block.line,
  };
}

function splitRow(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

function parseErrorTable(block: Block, chapter: Chapter, report: Report): ErrorEntry[] {
  const header = splitRow(block.lines[0]!);
  if (header.join('|') !== ERROR_TABLE_HEADER.join('|')) {
    report(
      block.line,
      'error-table',
      `the Errors table header must be | ${ERROR_TABLE_HEADER.join(' | ')} |`,
    );
    return [];
  }
  const entries: ErrorEntry[] = [];
  block.lines.slice(2).forEach((row, i) => {
    const line = block.line + 2 + i;
    const cells = splitRow(row);
    const codeMatch = /^`([^`]+)`$/.exec(cells[0] ?? '');
    if (cells.length !== 4 || !codeMatch) {
      report(line, 'error-table', 'an Errors row needs four cells and the code in a code span');
      return;
    }
    const code = codeMatch[1]!;
    if (!ERROR_CODE_PATTERN.test(code) || !code.startsWith(`${chapter.area}_`)) {
      report(
        line,
        'error-code-format',
        `error code '${code}' must be SCREAMING_SNAKE_CASE starting with ${chapter.area}_`,
      );
    }
    entries.push({
      code,
      requirements: (cells[1] ?? '').split(/[\s,]+/).filter(Boolean),
      raisedWhen: cells[2] ?? '',
      howToFix: cells[3] ?? '',
      line,
    });
  });
  return entries;
}
