import { relative } from 'node:path';
import type { GeneratedFiles } from './GeneratedFiles.js';

/** The lines printed after a package was created: what, where, its files and what to do next. */
export function describeCreated(
  what: string,
  dir: string,
  packageName: string,
  files: GeneratedFiles,
  cwd: string,
): string {
  const where = relative(cwd, dir) || '.';
  return [
    `Created ${what} in ${where} (${packageName}):`,
    ...Object.keys(files)
      .sort()
      .map((file) => `  ${file}`),
    '',
    'Next steps:',
    `  cd ${where}`,
    '  npm install     # from the workspace root, in a workspace',
    '  npm run build   # tsc into dist/',
    '  npm test        # vitest',
    '',
  ].join('\n');
}
