// `npm start` (for now): prints what the specification holds, chapter by chapter, from the
// chapters themselves, so the numbers can never drift from the text.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from './lib/loadSpec.js';

const root = resolve(process.argv[2] ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const spec = await loadSpec(root);
const rows = spec.chapters
  .filter((c) => c.area !== 'NONE')
  .map((c) => {
    const count = (level: string) => c.requirements.filter((r) => r.level === level).length;
    return [
      c.file.replace(/^docs\//, ''),
      c.area,
      count('MUST'),
      count('SHOULD'),
      count('MAY'),
      c.requirements.length,
      c.errors.length,
    ];
  });
const total = (i: number) => rows.reduce((n, r) => n + (r[i] as number), 0);
const table = [
  ['chapter', 'area', 'MUST', 'SHOULD', 'MAY', 'total', 'error codes'],
  ...rows,
  ['all chapters', '', total(2), total(3), total(4), total(5), total(6)],
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
console.log('Openstage specification\n');
for (const [i, row] of table.entries()) {
  console.log(
    row
      .map((cell, j) =>
        typeof cell === 'number'
          ? String(cell).padStart(widths[j]!)
          : String(cell).padEnd(widths[j]!),
      )
      .join('  '),
  );
  if (i === 0 || i === table.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('\nChapters: spec/docs/  Index: spec/requirements.json  Errors: spec/docs/errors.md');
if (spec.findings.length > 0)
  console.log(`\n${spec.findings.length} problem(s) in the chapters: run npm run spec:check`);
