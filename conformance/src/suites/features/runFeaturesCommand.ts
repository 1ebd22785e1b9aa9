import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { HarnessError } from '../../harness/HarnessError.js';
import { checkFeaturePackage } from './checkFeaturePackage.js';
import { formatFeatureReport } from './formatFeatureReport.js';

const HELP = `openstage-conformance features: check a plugin, module or service library package
(conformance class feature)

Usage:
  openstage-conformance features <package-dir|module-file> [options]

Plugin and module packages: loads the default export (package.json "exports" or "main"), checks
its wire format and ids, starts it on the suite's mock core services through an adapter's
runtime, checks where it mounts routes, stops it and checks that nothing it started is left
running.

Service libraries (package.json backstage.role "node-library", or no default export but service
refs or factories exported by name): checks the exported refs and factories (wire format, a
factory for each ref, ids and export names), installs the factories on the runtime beside the
mock services, checks that two probe plugins depending on each ref get an instance (one each
when plugin-scoped, one shared when root-scoped), stops it and checks that nothing is left
running.

Exits 0 when every check passes, 1 when one fails, 2 on a usage error.

Options:
  --adapter <name|path>   runtime to start the feature on (default: reference)
  --out <dir>             also write <dir>/features-report.json
  --services <module>     module whose default export is an array of service factories that
                          replace the suite's mocks (for example a real core.database)
  --timeout <ms>          limit for start() and for stop() (default 5000)
`;

const usage = (message: string) => new HarnessError('CONF_HARNESS_INVALID_ARGUMENT', message);

/** The `features` subcommand of the CLI; returns the exit code. */
export async function runFeaturesCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      adapter: { type: 'string' },
      out: { type: 'string' },
      services: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw usage(
      positionals.length === 0
        ? 'features needs a package directory or module file (see features --help)'
        : `features takes one package, received ${positionals.length}: ${positionals.join(' ')}`,
    );
  const target = resolve(positionals[0]!);
  if (!existsSync(target)) throw usage(`${target} does not exist`);
  const timeout = values.timeout;
  if (timeout !== undefined && !/^\d+$/.test(timeout))
    throw usage(`--timeout must be a positive integer, received '${timeout}'`);
  let services: unknown[] | undefined;
  if (values.services !== undefined) {
    const path = isAbsolute(values.services) ? values.services : resolve(values.services);
    const loaded = ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
    if (!Array.isArray(loaded))
      throw usage(
        `--services ${values.services}: the default export must be an array of service factories`,
      );
    services = loaded;
  }
  const report = await checkFeaturePackage({
    ...(statSync(target).isDirectory() ? { packageDir: target } : { modulePath: target }),
    adapter: values.adapter ?? 'reference',
    ...(services ? { services } : {}),
    ...(timeout !== undefined ? { timeoutMs: Number(timeout) } : {}),
  });
  process.stdout.write(formatFeatureReport(report));
  if (values.out !== undefined) {
    const dir = resolve(values.out);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'features-report.json');
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  }
  return report.ok ? 0 : 1;
}
