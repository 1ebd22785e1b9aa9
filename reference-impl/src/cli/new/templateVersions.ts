import { readFileSync } from 'node:fs';

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
  // From src/cli/new/ and from dist/cli/new/ alike, the package root is three levels up.
  const manifest = JSON.parse(
    readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return manifest.version;
}
