import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreServices, createPackageDiscoveryLoader } from '../src/index.js';
import { createTestBackend, rejectionOf } from './helpers/testBackend.js';

/**
 * A throwaway backend package with hand-written CommonJS dependencies, each
 * exporting a feature object (or a feature factory) the way published
 * Backstage packages do.
 */
let root: string;
let mainScript: string;

function plugin(id: string): string {
  return `{ $$type: '@backstage/BackendFeature', version: 'v1', featureType: 'registrations', getRegistrations: () => [{ type: 'plugin-v1.1', pluginId: '${id}', extensionPoints: [], init: { deps: {}, func: async () => {} } }] }`;
}

function dependency(
  name: string,
  options: {
    role?: string;
    main?: string;
    alpha?: string;
    exportsField?: unknown;
    extra?: Record<string, string>;
  },
): void {
  const dir = join(root, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  const manifest: Record<string, unknown> = { name, version: '1.0.0', main: 'index.js' };
  if (options.role) manifest['backstage'] = { role: options.role };
  if (options.exportsField) manifest['exports'] = options.exportsField;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'index.js'), options.main ?? 'module.exports = {};');
  if (options.alpha) {
    mkdirSync(join(dir, 'alpha'));
    writeFileSync(join(dir, 'alpha', 'index.js'), options.alpha);
  }
  for (const [file, text] of Object.entries(options.extra ?? {}))
    writeFileSync(join(dir, file), text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'openstage-discovery-'));
  const deps = [
    'plugin-a',
    'plugin-b',
    'factory-c',
    'library',
    'frontend',
    'hidden',
    'shared',
    'alpha-only',
    'esm-plugin',
    'broken',
  ];
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({
      name: 'backend',
      dependencies: Object.fromEntries(deps.map((d) => [d, '1.0.0'])),
      devDependencies: { 'dev-plugin': '1.0.0' },
    }),
  );
  mkdirSync(join(root, 'src'));
  mainScript = join(root, 'src', 'index.js');
  writeFileSync(mainScript, '');
  dependency('plugin-a', {
    role: 'backend-plugin',
    main: `module.exports = { default: ${plugin('a')}, other: ${plugin('ignored')} };`,
  });
  dependency('plugin-b', {
    role: 'backend-plugin-module',
    main: `exports.__esModule = true; exports.default = ${plugin('b')};`,
  });
  dependency('factory-c', {
    role: 'backend',
    main: `const f = () => (${plugin('c')}); f.$$type = '@backstage/BackendFeatureFactory'; module.exports = { default: f };`,
  });
  dependency('library', {
    role: 'node-library',
    main: 'module.exports = { default: { not: "a feature" } };',
  });
  dependency('frontend', {
    role: 'frontend-plugin',
    main: `module.exports = { default: ${plugin('frontend')} };`,
  });
  dependency('hidden', {
    role: 'backend-plugin',
    exportsField: { '.': './index.js' },
    main: `module.exports = { default: ${plugin('hidden')} };`,
  });
  dependency('shared', {
    role: 'backend-plugin',
    main: `const f = ${plugin('shared')}; globalThis.__sharedFeature = f; module.exports = { default: f };`,
    alpha: 'module.exports = { default: globalThis.__sharedFeature };',
  });
  dependency('alpha-only', {
    role: 'backend-plugin',
    main: 'module.exports = {};',
    alpha: `module.exports = { default: ${plugin('alpha')} };`,
  });
  dependency('esm-plugin', { role: 'backend-plugin', main: `export default ${plugin('esm')};` });
  writeFileSync(
    join(root, 'node_modules', 'esm-plugin', 'package.json'),
    JSON.stringify({
      name: 'esm-plugin',
      version: '1.0.0',
      type: 'module',
      main: 'index.js',
      backstage: { role: 'backend-plugin' },
    }),
  );
  dependency('broken', { role: 'backend-plugin', main: 'throw new Error("cannot load");' });
  dependency('dev-plugin', {
    role: 'backend-plugin',
    main: `module.exports = { default: ${plugin('dev')} };`,
  });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function discover(packages: unknown, script = mainScript) {
  const backend = createTestBackend({
    config: packages === undefined ? {} : { backend: { packages } },
  });
  backend.add(createPackageDiscoveryLoader({ mainScript: script }));
  try {
    const { result } = await backend.start();
    return {
      plugins: result.plugins.map((p) => p.pluginId).sort(),
      logs: backend.logs,
      error: undefined,
    };
  } catch (error) {
    return { plugins: [], logs: backend.logs, error };
  } finally {
    await backend.stop();
  }
}

describe('package discovery (LOAD-040 to LOAD-060)', () => {
  it('LOAD-040, LOAD-041: the runtime provides a discovery loader that depends on rootConfig and rootLogger only', () => {
    const loader = createPackageDiscoveryLoader() as unknown as {
      deps: Record<string, { id: string }>;
    };
    expect(
      Object.values(loader.deps)
        .map((d) => d.id)
        .sort(),
    ).toEqual([coreServices.rootConfig.id, coreServices.rootLogger.id].sort());
  });

  it('LOAD-042, LOAD-043: unset or {} produces nothing', async () => {
    expect((await discover(undefined)).plugins).toEqual([]);
    expect((await discover({})).plugins).toEqual([]);
  });

  it('LOAD-044, LOAD-048, LOAD-050, LOAD-051, LOAD-052, LOAD-053, LOAD-055, LOAD-056, LOAD-057, LOAD-058, LOAD-059, FEAT-100, LOAD-060: all backend dependencies are loaded, CommonJS and ESM', async () => {
    const { plugins, logs } = await discover({ exclude: ['broken'] });
    expect(plugins).toEqual(['a', 'alpha', 'b', 'c', 'esm', 'shared']);
    const detected = logs
      .filter((l) => l.level === 'info' && l.message.startsWith('Detected: '))
      .map((l) => l.message);
    expect(detected.sort()).toEqual([
      'Detected: alpha-only',
      'Detected: esm-plugin',
      'Detected: factory-c',
      'Detected: plugin-a',
      'Detected: plugin-b',
      'Detected: shared',
    ]);
  });

  it('LOAD-044: all considers every dependency (a broken one then fails the load)', async () => {
    const { error } = await discover('all');
    expect(error).toMatchObject({ code: 'LOAD_LOADER_FAILED' });
  });

  it('LOAD-045, LOAD-046: include and exclude, with * wildcards', async () => {
    expect((await discover({ include: ['plugin-*'] })).plugins).toEqual(['a', 'b']);
    expect(
      (await discover({ include: ['plugin-*', 'factory-c'], exclude: ['*-b'] })).plugins,
    ).toEqual(['a', 'c']);
  });

  it('LOAD-047 LOAD_INVALID_PACKAGES_CONFIG: bad backend.packages values name the config path', async () => {
    for (const [value, configPath] of [
      [42, 'backend.packages'],
      [{ include: 'plugin-a' }, 'backend.packages.include'],
      [{ exclude: [1] }, 'backend.packages.exclude'],
    ] as const) {
      const { error } = await discover(value);
      expect(error).toMatchObject({ code: 'LOAD_LOADER_FAILED' });
      expect((error as Error).cause).toMatchObject({
        code: 'LOAD_INVALID_PACKAGES_CONFIG',
        configPath,
      });
    }
  });

  const lonely = join(tmpdir(), 'x.js');
  const hasManifestAbove = (() => {
    for (let dir = tmpdir(); ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json'))) return true;
      if (dirname(dir) === dir) return false;
    }
  })();
  it.skipIf(hasManifestAbove)(
    'LOAD-049 LOAD_PACKAGE_JSON_NOT_FOUND: no package.json above the main script (skipped when the temp dir has one above it)',
    async () => {
      const { error } = await discover('all', lonely);
      expect((error as Error).cause).toMatchObject({ code: 'LOAD_PACKAGE_JSON_NOT_FOUND' });
    },
  );

  it('LOAD-054 LOAD_PACKAGE_LOAD_FAILED: a throwing entry point names the package and keeps the cause', async () => {
    const { error } = await discover({ include: ['broken'] });
    const cause = (error as Error).cause as { code: string; packageName: string; cause: Error };
    expect(cause).toMatchObject({ code: 'LOAD_PACKAGE_LOAD_FAILED', packageName: 'broken' });
    expect(cause.cause.message).toBe('cannot load');
  });

  it('LOAD-020: a discovery failure rejects start() as a loader failure', async () => {
    const backend = createTestBackend({ config: { backend: { packages: 7 } } });
    backend.add(createPackageDiscoveryLoader({ mainScript }));
    expect(await rejectionOf(backend.start())).toMatchObject({ code: 'LOAD_LOADER_FAILED' });
    await backend.stop();
  });
});
