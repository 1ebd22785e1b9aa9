// Bundles tsc's output (dist/) into the ESM files the package actually exports (dist/bundle/).
//
// Why: loading ~200 small ES modules one by one made up most of the time Openstage took from
// process start to `start()` (issue 10). The bundle keeps one module graph for every entry point
// (esbuild's code splitting), so `@openstage/reference-impl`, `/testing`, `/defaults` and
// `/services/*` still share one instance of each class, WeakMap and cache, and the services that
// are loaded on demand stay in chunks of their own.
//
// Every other entry point also imports the main one whole. esbuild gives each set of entry points
// that reach a module a chunk of its own, so the code of the main entry point was split by which
// service folders, `/testing` and the CLI also reached it: a start loaded 43 modules, and Node
// spends about 30 KB of allocations and keeps about 12 KB per module, however small. With every
// entry point reaching all of it, the main entry point's code is one chunk, plus the few it
// shares with chunks loaded on demand: 9 modules, which saved 1.3 MiB of resident memory and
// 10 ms of a start (issue 10).
//
// The entry points are read off package.json: every `exports` target and the bin's import under
// ./dist/bundle/ names the dist/ file it is built from, so the two cannot drift apart.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(packageDir, 'dist');
const bundleDir = join(distDir, 'bundle');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

// Inlined: yaml is 72 CommonJS files on the startup path (a YAML config file is the default), and
// nothing outside this package shares its objects. Every other dependency stays an import, so a
// plugin that uses express, knex or jose gets the same copy as the runtime.
const INLINED = new Set(['yaml']);

/** `./dist/bundle/x/index.js` -> `dist/x/index.js`, expanding a `*` over dist/'s folders. */
function entriesOf(target) {
  const prefix = './dist/bundle/';
  if (!target.startsWith(prefix) || !target.endsWith('.js')) {
    throw new Error(
      `package.json: export target "${target}" is not under ${prefix}; bundle.mjs builds every export from dist/, so point it at ${prefix}<path>.js`,
    );
  }
  const path = target.slice(prefix.length);
  if (!path.includes('*')) return [join(distDir, path)];
  const [before, after] = path.split('*');
  const folder = join(distDir, before);
  return readdirSync(folder)
    .map((name) => join(folder, `${name}${after}`))
    .filter((file) => existsSync(file));
}

const targets = Object.values(manifest.exports)
  .map((target) => (typeof target === 'string' ? target : target.default))
  .filter((target) => target.endsWith('.js'));
const binSource = readFileSync(join(packageDir, 'bin', 'openstage.js'), 'utf8');
const binImport = /import '\.\.\/(dist\/bundle\/[^']+)';/.exec(binSource)?.[1];
if (!binImport) throw new Error("bin/openstage.js must `import '../dist/bundle/<entry>.js'`");
targets.push(`./${binImport}`);

const entryPoints = [...new Set(targets.flatMap(entriesOf))];
for (const entry of entryPoints) {
  if (!existsSync(entry)) {
    throw new Error(`${relative(packageDir, entry)} does not exist: run \`tsc -b\` first.`);
  }
}

const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
  .filter((name) => !INLINED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

const mainEntry = join(distDir, 'index.js');
if (!entryPoints.includes(mainEntry)) {
  throw new Error(
    'package.json: the "." export must be ./dist/bundle/index.js, the entry point that every other one imports',
  );
}
// Each entry point but the main one, as a module that imports the main one and then itself.
const WITH_MAIN = 'openstage-with-main';
const withMain = {
  name: WITH_MAIN,
  setup(builder) {
    builder.onResolve({ filter: new RegExp(`^${WITH_MAIN}:`) }, ({ path }) => ({
      path: path.slice(WITH_MAIN.length + 1),
      namespace: WITH_MAIN,
    }));
    builder.onLoad({ filter: /.*/, namespace: WITH_MAIN }, ({ path }) => ({
      contents: `import ${JSON.stringify(mainEntry)};\nexport * from ${JSON.stringify(path)};\n`,
      resolveDir: dirname(path),
      loader: 'js',
    }));
  },
};

rmSync(bundleDir, { recursive: true, force: true });
const started = performance.now();
const result = await build({
  entryPoints: entryPoints.map((entry) =>
    entry === mainEntry
      ? entry
      : { in: `${WITH_MAIN}:${entry}`, out: relative(distDir, entry).replace(/\.js$/, '') },
  ),
  plugins: [withMain],
  outdir: bundleDir,
  outbase: distDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  // Inlined CommonJS (yaml) calls `require` for Node's built-ins, which an ES module lacks.
  banner: {
    js: "import { createRequire as __openstageCreateRequire } from 'node:module';\nconst require = __openstageCreateRequire(import.meta.url);",
  },
});
const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
console.log(
  `Bundled ${entryPoints.length} entry points into ${files.length} files in ${relative(process.cwd(), bundleDir) || '.'} (${Math.round(performance.now() - started)} ms)`,
);
