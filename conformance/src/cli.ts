#!/usr/bin/env node
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError } from './harness/HarnessError.js';
import { loadAdapter, BUILT_IN_ADAPTERS } from './harness/loadAdapter.js';
import { loadExpectations, updateExpectations, writeExpectations } from './harness/expectations.js';
import { runConformance } from './harness/runConformance.js';
import { writeReports } from './harness/reporters/writeReports.js';
import { terminalReporter } from './harness/reporters/terminalReporter.js';
import { randomSeed } from './harness/seeds.js';
import { PACKAGE_ROOT } from './harness/version.js';
import { conformanceTests } from './suites/index.js';
import { runStaticCommand } from './static/runStaticCommand.js';
import { runFeaturesCommand } from './suites/features/runFeaturesCommand.js';

const HELP = `openstage-conformance: run the Openstage conformance suite against an implementation

Usage:
  openstage-conformance run --adapter <name|module path> [options]
  openstage-conformance --adapter <name|module path> [options]        (the same as run)
  openstage-conformance list [--grep <pattern>]
  openstage-conformance static --project <tsconfig> --map <Symbol=SpecType> ...   (see static --help)
  openstage-conformance features <package-dir|module> [--adapter <name|path>] [--out <dir>]   (see features --help)
  openstage-conformance --help

Commands:
  run     run the suite; exits 1 when an outcome was unexpected, 2 on a usage or harness error
  list    print every test id with its requirement ids
  static  check an implementation's exported types against the spec's interfaces
  features  check a plugin, module or service library package: exports, ids, start and stop on
            mock services

Options of run:
  --adapter <name|path>      built-in adapter (${Object.keys(BUILT_IN_ADAPTERS).join(', ')}) or a module exporting one
  --out <dir>                write report.json, junit.xml and report.md into <dir>
  --expectations <path>      expectations file (default for built-in adapters: expectations/<name>.json)
  --update-expectations      rewrite the expectations entries of the tests that ran
  --seed <n|random>          run seed (default: the fixed certification seed)
  --certify                  certification run: the fixed seed and every test (refuses --seed and
                             --grep); exits 1 unless the run conforms (summary.conforms)
  --grep <pattern>           only tests whose id matches the regular expression
  --timeout <ms>             per-test timeout (default 2000)
  --num-runs <n>             fast-check runs per property (default 50)
`;

class UsageError extends Error {}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${flag} must be a positive integer, received '${value}'`);
  return Number(value);
}

// `openstage-conformance list | head` closes stdout early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(argv: string[]): Promise<number> {
  // `static` has options of its own (src/static/runStaticCommand.ts).
  if (argv[0] === 'static') return runStaticCommand(argv.slice(1));
  // `features` checks one plugin or module package (src/suites/features/runFeaturesCommand.ts).
  if (argv[0] === 'features') return runFeaturesCommand(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      adapter: { type: 'string' },
      out: { type: 'string' },
      expectations: { type: 'string' },
      'update-expectations': { type: 'boolean' },
      seed: { type: 'string' },
      grep: { type: 'string' },
      timeout: { type: 'string' },
      'num-runs': { type: 'string' },
      certify: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  // `openstage-conformance --adapter x --out dir` is the short form of `run`: an adapter given
  // without a command can only mean a run.
  const command = positionals[0] ?? (values.adapter === undefined ? undefined : 'run');
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return values.help || command === 'help' ? 0 : 2;
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  if (values.grep !== undefined) {
    try {
      new RegExp(values.grep);
    } catch {
      throw new UsageError(`--grep is not a valid regular expression: ${values.grep}`);
    }
  }
  if (command === 'list') {
    const grep = values.grep === undefined ? undefined : new RegExp(values.grep);
    for (const test of conformanceTests.filter((t) => !grep || grep.test(t.id))) {
      process.stdout.write(`${test.id}  [${test.requirements.join(', ')}]  ${test.description}\n`);
    }
    return 0;
  }
  if (command !== 'run')
    throw new UsageError(`unknown command '${command}' (expected run, list, static or features)`);
  if (!values.adapter) throw new UsageError('run needs --adapter <name|module path>');
  // A certification run is reproducible by anyone: the fixed seed and the whole suite (README).
  if (values.certify && (values.seed !== undefined || values.grep !== undefined))
    throw new UsageError(
      '--certify runs every test with the certification seed: drop --seed and --grep',
    );

  const seed =
    values.seed === undefined
      ? undefined
      : values.seed === 'random'
        ? randomSeed()
        : positiveInt(values.seed, '--seed');
  const adapter = await loadAdapter(values.adapter);
  const expectationsPath = values.expectations
    ? resolve(values.expectations)
    : BUILT_IN_ADAPTERS[values.adapter]
      ? join(PACKAGE_ROOT, 'expectations', `${adapter.name}.json`)
      : undefined;
  const expectations = expectationsPath ? loadExpectations(expectationsPath) : new Map();
  const timeoutMs = positiveInt(values.timeout, '--timeout');
  const numRuns = positiveInt(values['num-runs'], '--num-runs');
  const report = await runConformance({
    adapter,
    tests: conformanceTests,
    expectations,
    listener: terminalReporter(),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.grep !== undefined ? { grep: values.grep } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(numRuns !== undefined ? { numRuns } : {}),
  });
  if (values.out) {
    for (const file of writeReports(report, resolve(values.out)))
      process.stdout.write(`wrote ${file}\n`);
  }
  if (values['update-expectations']) {
    if (!expectationsPath)
      throw new UsageError(
        '--update-expectations needs --expectations <path> for a custom adapter',
      );
    const ran = report.results.map((r) => ({
      id: r.id,
      outcome: r.outcome ?? 'pass',
      requirements: r.requirements,
      ...(r.message ? { message: r.message } : {}),
    }));
    const ranOnly = ran.filter((_, i) => report.results[i]!.outcome !== undefined);
    writeExpectations(expectationsPath, adapter.name, updateExpectations(expectations, ranOnly));
    process.stdout.write(`updated ${expectationsPath}\n`);
    return 0;
  }
  if (values.certify && !report.summary.conforms) {
    process.stdout.write(`not conforming: ${report.summary.blockers.join('; ')}\n`);
    return 1;
  }
  return report.summary.ok ? 0 : 1;
}

async function flush(): Promise<void> {
  await Promise.all([
    new Promise<void>((r) => process.stdout.write('', () => r())),
    new Promise<void>((r) => process.stderr.write('', () => r())),
  ]);
}

const code = await main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof UsageError ||
    error instanceof HarnessError ||
    (error as { code?: unknown })?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  const text = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(
    `openstage-conformance: ${error instanceof HarnessError ? `${error.code}: ` : ''}${text}${known ? '' : ' (internal error)'}\n`,
  );
  return 2;
});
await flush();
// Exit explicitly: a timed-out implementation may keep timers or sockets alive, and some
// runtimes install a beforeExit handler that would otherwise decide the exit code.
process.exit(code);
