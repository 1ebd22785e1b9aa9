import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDocs } from '../scripts/lib/checkDocs.js';
import { checkSpec } from '../scripts/lib/checkSpec.js';
import type { Finding } from '../scripts/lib/Finding.js';
import { parseChapter } from '../scripts/lib/parseChapter.js';

const specRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const GOOD_CHAPTER = `---
id: sample
title: Sample
area: SMP
classes: [runtime]
sidebar_position: 1
---

# Sample

## Introduction

*This section is non-normative.*

A runtime must wire things; \`MUST\` in a code span is fine here.

\`\`\`ts
// MUST inside a fence is an example, not a keyword
\`\`\`

## Rules

**[SMP-001]** A runtime MUST reject a bad x
when it sees one.
Error: \`SMP_BAD_X\`.

**[SMP-002]** A service SHOULD do y. Classes: service.

**[SMP-003]** A runtime MUST NOT do z.

> **Note (non-normative).** Lower-case must is fine in notes.

## Errors

| Code | Requirement | Raised when | How to fix |
| --- | --- | --- | --- |
| \`SMP_BAD_X\` | SMP-001 | x is bad | Fix x. |
`;

function parse(source: string, file = 'docs/sample.md') {
  return parseChapter(file, source);
}

/** Rules with their lines, sorted: the order in which a parser emits findings carries no meaning. */
function rules(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line}`).sort();
}

describe('parseChapter', () => {
  it('reads a well-formed chapter without findings', () => {
    const { chapter, findings } = parse(GOOD_CHAPTER);
    expect(findings).toEqual([]);
    expect(
      chapter?.requirements.map((r) => [r.id, r.keyword, r.level, r.errorCode, r.classes, r.line]),
    ).toEqual([
      ['SMP-001', 'MUST', 'MUST', 'SMP_BAD_X', ['runtime'], 23],
      ['SMP-002', 'SHOULD', 'SHOULD', null, ['service'], 27],
      ['SMP-003', 'MUST NOT', 'MUST', null, ['runtime'], 29],
    ]);
    expect(chapter?.requirements[0]?.text).toBe('A runtime MUST reject a bad x when it sees one.');
    expect(chapter?.errors).toEqual([
      {
        code: 'SMP_BAD_X',
        requirements: ['SMP-001'],
        raisedWhen: 'x is bad',
        howToFix: 'Fix x.',
        line: 37,
      },
    ]);
    expect(checkDocs([chapter!])).toEqual([]);
  });

  it('fails a chapter without frontmatter', () => {
    expect(rules(parse('# No frontmatter\n').findings)).toEqual(['frontmatter@1']);
  });

  it('fails frontmatter with an unknown conformance class', () => {
    const bad = GOOD_CHAPTER.replace('classes: [runtime]', 'classes: [runtime, server]');
    expect(rules(parse(bad).findings)).toEqual(['frontmatter@1']);
  });

  it('fails a malformed requirement ID and names the line', () => {
    const bad = GOOD_CHAPTER.replace('**[SMP-002]**', '**[SMP-2]**');
    expect(rules(parse(bad).findings)).toEqual(['malformed-id@27']);
  });

  it('fails a keyword placed inside the bold ID', () => {
    const bad = GOOD_CHAPTER.replace(
      '**[SMP-003]** A runtime MUST NOT do z.',
      '**[SMP-003] MUST NOT**: do z.',
    );
    expect(rules(parse(bad).findings)).toEqual(['malformed-id@29']);
  });

  it('fails a requirement written as a list item', () => {
    const bad = GOOD_CHAPTER.replace('**[SMP-003]** A runtime', '- **[SMP-003]** A runtime');
    expect(rules(parse(bad).findings)).toEqual([
      'keyword-outside-requirement@29',
      'malformed-id@29',
    ]);
  });

  it('fails an ID whose area is not the chapter area', () => {
    const bad = GOOD_CHAPTER.replace('**[SMP-003]**', '**[OTHER-003]**');
    expect(rules(parse(bad).findings)).toEqual(['area-mismatch@29']);
  });

  it('fails a requirement without a keyword', () => {
    const bad = GOOD_CHAPTER.replace('A service SHOULD do y.', 'A service does y.');
    expect(rules(parse(bad).findings)).toEqual(['keyword-count@27']);
  });

  it('fails a requirement with two keywords', () => {
    const bad = GOOD_CHAPTER.replace(
      'A service SHOULD do y.',
      'A service SHOULD do y and MAY do w.',
    );
    const { findings } = parse(bad);
    expect(rules(findings)).toEqual(['keyword-count@27']);
    expect(findings[0]?.message).toContain('SHOULD, MAY');
  });

  it('allows a withdrawn requirement to hold no keyword', () => {
    const ok = GOOD_CHAPTER.replace(
      '**[SMP-002]** A service SHOULD do y.',
      '**[SMP-002]** *Withdrawn in 0.2.0:* A service did y.',
    );
    const { chapter, findings } = parse(ok);
    expect(findings).toEqual([]);
    expect(chapter?.requirements[1]).toMatchObject({
      status: 'withdrawn',
      withdrawnIn: '0.2.0',
      keyword: null,
    });
  });

  it('fails a capitalised keyword outside a requirement, in prose and in tables', () => {
    const bad = GOOD_CHAPTER.replace(
      'A runtime must wire things',
      'A runtime MUST wire things',
    ).replace('| x is bad |', '| x SHOULD not be bad |');
    expect(rules(parse(bad).findings)).toEqual([
      'keyword-outside-requirement@15',
      'keyword-outside-requirement@37',
    ]);
  });

  it('fails a keyword in a note that follows a requirement without a blank line', () => {
    const bad = GOOD_CHAPTER.replace(
      '**[SMP-003]** A runtime MUST NOT do z.\n\n>',
      '**[SMP-003]** A runtime MUST NOT do z.\n> MAY',
    );
    expect(rules(parse(bad).findings)).toEqual(['keyword-outside-requirement@30']);
  });

  it('fails an Error annotation that does not end the paragraph', () => {
    const bad = GOOD_CHAPTER.replace(
      '**[SMP-003]** A runtime MUST NOT do z.',
      '**[SMP-003]** Error: `SMP_BAD_X` A runtime MUST NOT do z.',
    );
    expect(rules(parse(bad).findings)).toEqual(['annotation@29']);
  });

  it('fails a malformed error table and a badly named code', () => {
    const badHeader = GOOD_CHAPTER.replace(
      '| Code | Requirement | Raised when | How to fix |',
      '| Code | Why |',
    );
    expect(rules(parse(badHeader).findings)).toEqual(['error-table@35']);
    const badCode = GOOD_CHAPTER.replaceAll('SMP_BAD_X', 'BadX');
    expect(rules(parse(badCode).findings)).toEqual(['error-code-format@37']);
  });
});

describe('checkDocs', () => {
  const chapter = (source: string, file: string) => parse(source, file).chapter!;

  it('fails a requirement ID defined twice, naming the first definition', () => {
    const second = GOOD_CHAPTER.replace('id: sample', 'id: sample-two')
      .replace('area: SMP', 'area: SMP')
      .replace(/SMP_BAD_X/g, 'SMP_OTHER');
    const findings = checkDocs([chapter(GOOD_CHAPTER, 'docs/a.md'), chapter(second, 'docs/b.md')]);
    expect(findings.filter((f) => f.rule === 'duplicate-id').map((f) => [f.file, f.line])).toEqual([
      ['docs/b.md', 23],
      ['docs/b.md', 27],
      ['docs/b.md', 29],
    ]);
    expect(findings.find((f) => f.rule === 'duplicate-id')?.message).toContain('spec/docs/a.md:23');
    expect(findings.some((f) => f.rule === 'frontmatter' && f.message.includes("area 'SMP'"))).toBe(
      true,
    );
  });

  it('fails an Error line that names an undefined code', () => {
    const bad = GOOD_CHAPTER.replace('Error: `SMP_BAD_X`.', 'Error: `SMP_MISSING`.');
    expect(rules(checkDocs([chapter(bad, 'docs/a.md')]))).toEqual([
      'error-code-unknown@23',
      'error-code-unused@37',
    ]);
  });

  it('fails a code defined twice and a table row naming an unknown requirement', () => {
    const bad = GOOD_CHAPTER.replace(
      '| `SMP_BAD_X` | SMP-001 | x is bad | Fix x. |',
      '| `SMP_BAD_X` | SMP-001 | x is bad | Fix x. |\n| `SMP_BAD_X` | SMP-099 | again | Fix. |',
    );
    expect(rules(checkDocs([chapter(bad, 'docs/a.md')]))).toEqual([
      'error-code-duplicate@38',
      'error-table@38',
    ]);
  });
});

describe('checkSpec on a spec folder', () => {
  let root: string;
  afterEach(async () => rm(root, { recursive: true, force: true }));

  async function makeSpec(files: Record<string, string>): Promise<string> {
    root = await mkdtemp(join(tmpdir(), 'openstage-spec-check-'));
    const all: Record<string, string> = { 'package.json': '{ "version": "9.9.9" }', ...files };
    for (const [file, contents] of Object.entries(all)) {
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), contents);
    }
    return root;
  }

  const run = promisify(execFile);
  const tsx = resolve(specRoot, '../node_modules/.bin/tsx');
  async function generate(dir: string) {
    await run(tsx, [join(specRoot, 'scripts/generate.ts'), dir]);
  }

  it('passes once generated, then fails as stale when a chapter changes', async () => {
    const dir = await makeSpec({ 'docs/sample.md': GOOD_CHAPTER });
    expect((await checkSpec(dir)).findings.map((f) => f.file)).toEqual([
      'docs/errors.md',
      'requirements.json',
      'src/generated/ErrorCode.ts',
    ]);
    await generate(dir);
    expect((await checkSpec(dir)).findings).toEqual([]);
    const index = JSON.parse(await readFile(join(dir, 'requirements.json'), 'utf8'));
    expect(index.requirements[0]).toEqual({
      id: 'SMP-001',
      keyword: 'MUST',
      level: 'MUST',
      chapter: 'sample',
      anchor: 'sample#SMP-001',
      text: 'A runtime MUST reject a bad x when it sees one.',
      errorCode: 'SMP_BAD_X',
      classes: ['runtime'],
      status: 'active',
      withdrawnIn: null,
    });
    expect(await readFile(join(dir, 'src/generated/ErrorCode.ts'), 'utf8')).toContain(
      "| 'SMP_BAD_X'",
    );

    await writeFile(join(dir, 'docs/sample.md'), GOOD_CHAPTER.replace('do y', 'do y quickly'));
    const stale = (await checkSpec(dir)).findings;
    expect(stale.map((f) => `${f.rule}:${f.file}`)).toEqual(['stale-generated:requirements.json']);
  });

  it('fails an export without TSDoc and a @requirement tag naming an unknown ID', async () => {
    const dir = await makeSpec({
      'docs/sample.md': GOOD_CHAPTER,
      'src/thing.ts': [
        '/** Documented. @requirement SMP-001 */',
        'export interface Good { a: string }',
        '',
        'export type Bare = string;',
        '',
        '/**',
        ' * Bound to a requirement that does not exist.',
        ' * @requirement SMP-404',
        ' */',
        'export const value = 1;',
        '',
      ].join('\n'),
    });
    await generate(dir);
    const findings = (await checkSpec(dir)).findings;
    expect(findings.map((f) => `${f.rule}:${f.file}:${f.line}`)).toEqual([
      'tsdoc-missing:src/thing.ts:4',
      'requirement-tag-unknown:src/thing.ts:8',
    ]);
    expect(findings[0]?.message).toContain("'Bare'");
  });

  it('fails when generated config types drift from their schema, or outlive it', async () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://openstage.dev/schemas/sample.schema.json',
      title: 'SampleConfig',
      description: 'A sample section.',
      type: 'object',
      additionalProperties: false,
      properties: { port: { type: 'number', description: 'The port.' } },
    };
    const dir = await makeSpec({
      'docs/sample.md': GOOD_CHAPTER,
      'schemas/sample.schema.json': JSON.stringify(schema),
    });
    await generate(dir);
    expect((await checkSpec(dir)).findings).toEqual([]);
    const generated = await readFile(join(dir, 'src/generated/config/SampleConfig.ts'), 'utf8');
    expect(generated).toContain('port?: number');

    schema.properties.port.type = 'string';
    await writeFile(join(dir, 'schemas/sample.schema.json'), JSON.stringify(schema));
    const drift = (await checkSpec(dir)).findings;
    expect(drift.map((f) => `${f.rule}:${f.file}`)).toContain(
      'stale-generated:src/generated/config/SampleConfig.ts',
    );

    await rm(join(dir, 'schemas/sample.schema.json'));
    const orphan = (await checkSpec(dir)).findings;
    expect(orphan.map((f) => `${f.rule}:${f.file}`)).toContain(
      'stale-generated:src/generated/config/SampleConfig.ts',
    );
    expect(
      orphan.find((f) => f.file === 'src/generated/config/SampleConfig.ts')?.message,
    ).toContain('no schema generates');
  });

  it('exits non-zero and prints file:line for every finding from the CLI', async () => {
    const dir = await makeSpec({
      'docs/sample.md': GOOD_CHAPTER.replace('A service SHOULD do y.', 'A service does y.'),
    });
    await generate(dir);
    const failure = await run(tsx, [join(specRoot, 'scripts/check.ts'), dir]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      'spec/docs/sample.md:27: [keyword-count] SMP-002 has 0 BCP 14 keywords',
    );
  });
});

describe('the Openstage spec itself', () => {
  it('passes every spec:check rule', async () => {
    const result = await checkSpec(specRoot);
    expect(result.findings.map((f) => `${f.file}:${f.line}: [${f.rule}] ${f.message}`)).toEqual([]);
    expect(result.requirementCount).toBeGreaterThan(250);
  });
});
