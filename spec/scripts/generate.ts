// Writes every generated file of the spec: requirements.json, docs/errors.md,
// src/generated/ErrorCode.ts and the config types under src/generated/config/.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, loadSpec } from './lib/loadSpec.js';
import { CONFIG_TYPES_DIR, renderGenerated } from './lib/renderGenerated.js';

// An optional argument names another spec root (the tests point it at fixtures).
const root = resolve(process.argv[2] ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const spec = await loadSpec(root);
const files = await renderGenerated(root, spec.chapters);
for (const stale of await listFiles(root, CONFIG_TYPES_DIR, '.ts')) {
  if (!files.has(stale)) await rm(join(root, stale));
}
for (const [file, contents] of files) {
  await mkdir(dirname(join(root, file)), { recursive: true });
  await writeFile(join(root, file), contents);
}
const requirements = spec.chapters.reduce((n, c) => n + c.requirements.length, 0);
console.log(
  `spec:generate wrote ${files.size} files (${requirements} requirements in ${spec.chapters.length} chapters)`,
);
if (spec.findings.length > 0) {
  console.log(`note: the chapters have ${spec.findings.length} problems; run npm run spec:check`);
}
