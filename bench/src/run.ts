/**
 * `npm run bench [-- --quick] [-- --out <dir>]`: runs every scenario on both runtimes and writes
 * `<dir>/<date>.json`, `<dir>/<date>.md`, `latest.json` and `latest.md` (default dir:
 * bench/results).
 */
import { renderMarkdown } from './report/renderMarkdown.js';
import { writeResults } from './report/writeResults.js';
import { runBenchmarks } from './runBenchmarks.js';
import { RESULTS_DIR } from './scenarios/benchPaths.js';

function parseArgs(argv: string[]): { quick: boolean; out: string } {
  let quick = false;
  let out = RESULTS_DIR;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new Error('bench: --out needs a directory.');
      out = value;
    } else {
      throw new Error(`bench: unknown argument "${arg}"; expected --quick or --out <dir>.`);
    }
  }
  return { quick, out };
}

const { quick, out } = parseArgs(process.argv.slice(2));
const results = await runBenchmarks({ quick, log: (message) => console.log(message) });
const written = await writeResults(out, results);
console.log(`\n${renderMarkdown(results)}`);
console.log(
  `Wrote ${written.json}, ${written.markdown}, ${written.latestJson} and ${written.latestMarkdown}.`,
);
