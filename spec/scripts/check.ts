// `npm run spec:check`: fails (exit 1) on any finding, printing one `file:line: [rule] message`
// line per problem so editors and CI logs point straight at it.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSpec } from './lib/checkSpec.js';
import { formatFinding } from './lib/Finding.js';

// An optional argument names another spec root (the tests point it at fixtures).
const root = resolve(process.argv[2] ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const result = await checkSpec(root);
for (const finding of result.findings) console.error(formatFinding(finding));
if (result.findings.length > 0) {
  console.error(`\nspec:check failed: ${result.findings.length} problem(s).`);
  process.exit(1);
}
console.log(
  `spec:check passed: ${result.requirementCount} requirements in ${result.chapterCount} chapters.`,
);
