import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { summariseReports, type ConformanceResults } from '../data/conformanceResults';

/**
 * Reads every committed report, conformance/results/<adapter>/report.json. A folder without a
 * report.json is skipped; a report that cannot be parsed fails the build naming the file.
 */
export function loadConformanceResults(resultsDir: string): ConformanceResults {
  const adapters = existsSync(resultsDir)
    ? readdirSync(resultsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())
    : [];
  const reports = adapters.flatMap((entry) => {
    const source = path.join(resultsDir, entry.name, 'report.json');
    if (!existsSync(source)) return [];
    try {
      return [{ source, report: JSON.parse(readFileSync(source, 'utf8')) as unknown }];
    } catch (error) {
      throw new Error(`${source} is not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
  });
  return summariseReports(reports);
}

/**
 * Makes the project's generated data importable from site code under stable names, resolved at
 * build time:
 *
 * - `@openstage-data/requirements.json`: spec/requirements.json, the requirement index.
 * - `@openstage-data/traceability.json`: conformance/traceability.json when the conformance
 *   suite has produced it, otherwise an empty stand-in, so the site builds before the suite
 *   exists and never shows invented results.
 * - `@openstage-data/conformance-results.json`: the committed reports under
 *   conformance/results, merged into one compact file (see src/data/conformanceResults.ts) that
 *   is written to the generated files directory when the plugin loads its content.
 *
 * Both are imported by the pages that need them only, so the data ends up in those pages'
 * chunks rather than in every page's global data.
 */
export default function openstageData(context: LoadContext): Plugin {
  const repoRoot = path.resolve(context.siteDir, '..');
  const requirements = path.join(repoRoot, 'spec/requirements.json');
  const traceability = path.join(repoRoot, 'conformance/traceability.json');
  const noTraceability = path.join(context.siteDir, 'src/data/no-traceability.json');
  const resultsDir = path.join(repoRoot, 'conformance/results');
  const resultsModule = path.join(
    context.generatedFilesDir,
    'openstage-data/conformance-results.json',
  );
  return {
    name: 'openstage-data',
    getPathsToWatch: () => [requirements, traceability, path.join(resultsDir, '*/report.json')],
    loadContent: async () => {
      mkdirSync(path.dirname(resultsModule), { recursive: true });
      writeFileSync(resultsModule, JSON.stringify(loadConformanceResults(resultsDir)));
    },
    configureWebpack: (_config, isServer) => ({
      // The server bundle's chunks are loaded with require() during static rendering; under
      // "type": "module" a `.js` chunk is refused as CommonJS, so name them `.cjs`.
      ...(isServer ? { output: { chunkFilename: 'assets/js/[name].[contenthash:8].cjs' } } : {}),
      module: {
        rules: [
          {
            // website/package.json says "type": "module", which makes the bundler parse the
            // generated .docusaurus/*.js as strict ESM, where `require.resolveWeak` (used by the
            // route registry) is left untouched and fails at render time. Parse them as auto.
            // (Both workarounds become no-ops if the package drops "type": "module".)
            test: /\.js$/,
            include: [context.generatedFilesDir],
            type: 'javascript/auto',
          },
        ],
      },
      resolve: {
        alias: {
          '@openstage-data/requirements.json': requirements,
          '@openstage-data/traceability.json': existsSync(traceability)
            ? traceability
            : noTraceability,
          '@openstage-data/conformance-results.json': resultsModule,
        },
      },
    }),
  };
}
