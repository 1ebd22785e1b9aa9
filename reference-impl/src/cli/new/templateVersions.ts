import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The versions generated packages depend on: the ones this repository builds and tests with, so
 * a generated package works in the workspace it is created in without a second copy of any of
 * them. `test/cli/templateVersions.test.ts` fails when they drift from the installed ones.
 */
export const templateVersions = {
  express: '4.22.3',
  '@types/express': '4.17.25',
  '@types/node': '20.19.43',
  typescript: '5.9.3',
  vitest: '4.1.12',
} as const;

/** The version of `@openstage/reference-impl` that runs this command line. */
export function referenceImplVersion(): string {
  // Resolved by package name rather than a relative path, which differs between src/, dist/ and
  // the bundle's chunks.
  const path = createRequire(import.meta.url).resolve('@openstage/reference-impl/package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { version: string };
  return manifest.version;
}
