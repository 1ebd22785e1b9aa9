import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError } from '../harness/HarnessError.js';
import { checkStaticConformance } from './checkStaticConformance.js';
import type { StaticCheckReport } from './StaticCheckOptions.js';

/** Help text of `openstage-conformance static`. */
export const STATIC_HELP = `openstage-conformance static: check an implementation's exported types against the spec's

Usage:
  openstage-conformance static --project <tsconfig> (--map <Symbol=SpecType> ... | --mapping <file>) [options]

Options:
  --project <tsconfig>     the implementation's tsconfig.json (compiler options, module resolution)
  --entry <module>         module exporting the symbols: a .ts/.d.ts path or a package specifier
                           (default: the "types" of the package.json next to the tsconfig)
  --spec <module>          module exporting the spec types (default: @openstage/spec)
  --map <Sym=SpecType>     one mapping; repeatable. Sym may be '<module>#Sym'
  --mapping <file>         JSON file: { "entry"?, "spec"?, "symbols": { "<Sym>": "<SpecType>" } }
  --json                   print the report as JSON

Exits 0 when every symbol satisfies its spec type, 1 when one does not, 2 on a usage error.
`;

interface MappingFile {
  entry?: string;
  spec?: string;
  symbols: Record<string, string>;
}

function readMapping(path: string): MappingFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ARGUMENT',
      `--mapping ${path}: cannot read JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const symbols = (data as { symbols?: unknown } | null)?.symbols;
  if (
    typeof symbols !== 'object' ||
    symbols === null ||
    Object.values(symbols).some((v) => typeof v !== 'string')
  )
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ARGUMENT',
      `--mapping ${path}: "symbols" must be an object of spec type names, such as { "MyCache": "CacheService" }`,
    );
  // Relative module paths in the file are relative to the file, not to the working directory.
  const base = dirname(path);
  const rebase = (module: string): string =>
    module.startsWith('.') && !isAbsolute(module) ? resolve(base, module) : module;
  const file = data as MappingFile;
  return {
    ...(file.entry !== undefined ? { entry: rebase(file.entry) } : {}),
    ...(file.spec !== undefined ? { spec: rebase(file.spec) } : {}),
    symbols: Object.fromEntries(
      Object.entries(file.symbols).map(([key, type]) => {
        const at = key.lastIndexOf('#');
        return [at === -1 ? key : `${rebase(key.slice(0, at))}${key.slice(at)}`, type];
      }),
    ),
  };
}

/** Renders a report for the terminal: one line per symbol, the checker's explanation under failures. */
export function formatStaticReport(report: StaticCheckReport): string {
  const lines = report.results.flatMap((r) => [
    `${r.ok ? 'PASS' : 'FAIL'}  ${r.symbol} -> ${r.specType}`,
    ...r.problems.map((p) => `      ${p.split('\n').join('\n      ')}`),
  ]);
  const passed = report.results.filter((r) => r.ok).length;
  lines.push(
    `${passed} of ${report.results.length} symbol(s) satisfy their spec types (${report.spec})`,
  );
  return `${lines.join('\n')}\n`;
}

/** Runs `openstage-conformance static` with the arguments after the command name; returns the exit code. */
export function runStaticCommand(argv: string[], cwd: string = process.cwd()): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      entry: { type: 'string' },
      spec: { type: 'string' },
      map: { type: 'string', multiple: true },
      mapping: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(STATIC_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ARGUMENT',
      `static: unexpected argument '${positionals[0]}'`,
    );
  if (!values.project)
    throw new HarnessError('CONF_HARNESS_INVALID_ARGUMENT', 'static needs --project <tsconfig>');
  const file = values.mapping ? readMapping(resolve(cwd, values.mapping)) : undefined;
  const symbols: Record<string, string> = { ...file?.symbols };
  for (const pair of values.map ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1)
      throw new HarnessError(
        'CONF_HARNESS_INVALID_ARGUMENT',
        `--map '${pair}' must be <Symbol>=<SpecType>, such as MyCache=CacheService`,
      );
    symbols[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const entry = values.entry ?? file?.entry;
  const spec = values.spec ?? file?.spec;
  const report = checkStaticConformance({
    project: values.project,
    symbols,
    cwd,
    ...(entry !== undefined ? { entry } : {}),
    ...(spec !== undefined ? { spec } : {}),
  });
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : formatStaticReport(report),
  );
  return report.ok ? 0 : 1;
}
