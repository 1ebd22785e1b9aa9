// Bundles tsc's output (dist/) into the ESM files the package actually exports (dist/bundle/).
//
// Why: loading ~200 small ES modules one by one made up most of the time Openstage took from
// process start to `start()` (issue 10). The bundle keeps one module graph for every entry point
// (esbuild's code splitting), so `@openstage/reference-impl`, `/testing`, `/defaults` and
// `/services/*` still share one instance of each class, WeakMap and cache, and the services that
// are loaded on demand stay in chunks of their own.
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

rmSync(bundleDir, { recursive: true, force: true });
const started = performance.now();
const result = await build({
  entryPoints,
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
