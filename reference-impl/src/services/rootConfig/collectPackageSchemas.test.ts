import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isConfigError } from './ConfigError.js';
import { collectPackageSchemas } from './collectPackageSchemas.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-rootconfig-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pkg(
  relative: string,
  manifest: Record<string, unknown>,
  files: Record<string, string> = {},
): Promise<void> {
  const root = join(dir, relative);
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'package.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), text);
  }
}

const schema = (key: string) => ({ type: 'object', properties: { [key]: { type: 'string' } } });

describe('collectPackageSchemas', () => {
  it('CONF-053, CONF-054: collects inline and file schemas from the backend package and its runtime dependencies, transitively', async () => {
    await pkg('.', {
      name: 'root',
      workspaces: ['packages/*', 'plugins/*'],
      configSchema: schema('root'),
    });
    await pkg(
      'packages/backend',
      {
        name: 'backend',
        configSchema: 'config.schema.json',
        dependencies: { 'plugin-a': '1', local: '1' },
      },
      { 'config.schema.json': JSON.stringify(schema('backend')) },
    );
    await pkg('plugins/local', { name: 'local', configSchema: schema('local') });
    // npm links workspace packages into the root node_modules.
    await mkdir(join(dir, 'node_modules'), { recursive: true });
    await symlink(join(dir, 'plugins', 'local'), join(dir, 'node_modules', 'local'), 'dir');
    await pkg('node_modules/plugin-a', {
      name: 'plugin-a',
      configSchema: schema('a'),
      peerDependencies: { 'plugin-b': '1', 'not-installed': '1' },
      optionalDependencies: { 'plugin-c': '1' },
    });
    await pkg(
      'node_modules/plugin-b',
      { name: 'plugin-b', configSchema: 'schema/b.json' },
      { 'schema/b.json': JSON.stringify(schema('b')) },
    );
    await pkg('node_modules/plugin-c', { name: 'plugin-c', configSchema: schema('c') });

    const result = await collectPackageSchemas(join(dir, 'packages', 'backend', 'src'));
    expect(result.schemas.map((s) => s.packageName).sort()).toEqual([
      'backend',
      'local',
      'plugin-a',
      'plugin-b',
      'plugin-c',
    ]);
    expect(result.schemas.find((s) => s.packageName === 'plugin-b')?.location).toBe(
      join(dir, 'node_modules', 'plugin-b', 'schema', 'b.json'),
    );
    expect(result.skipped).toEqual([]);
  });

  it('CONF-074: skips devDependencies and workspace packages the backend package does not depend on', async () => {
    await pkg('.', {
      name: 'root',
      workspaces: ['packages/*', 'plugins/*'],
      configSchema: schema('root'),
      dependencies: { 'root-dep': '1' },
    });
    await pkg('packages/backend', {
      name: 'backend',
      dependencies: { 'plugin-a': '1' },
      devDependencies: { 'dev-tool': '1' },
    });
    await pkg('plugins/sibling', { name: 'sibling', configSchema: schema('sibling') });
    await pkg('node_modules/plugin-a', {
      name: 'plugin-a',
      configSchema: schema('a'),
      devDependencies: { 'dev-of-a': '1' },
    });
    await pkg('node_modules/dev-tool', {
      name: 'dev-tool',
      configSchema: schema('dev'),
      dependencies: { 'dep-of-dev': '1' },
    });
    await pkg('node_modules/dep-of-dev', { name: 'dep-of-dev', configSchema: schema('x') });
    await pkg('node_modules/dev-of-a', { name: 'dev-of-a', configSchema: schema('y') });
    await pkg('node_modules/root-dep', { name: 'root-dep', configSchema: schema('z') });

    const result = await collectPackageSchemas(join(dir, 'packages', 'backend'));
    expect(result.schemas.map((s) => s.packageName)).toEqual(['plugin-a']);
  });

  it('CONF-054: collects the schema of the package that contains the working directory', async () => {
    await pkg('app', { name: 'app', configSchema: schema('app') });
    await mkdir(join(dir, 'app', 'src'));
    const result = await collectPackageSchemas(join(dir, 'app', 'src'));
    expect(result.schemas.map((s) => s.packageName)).toEqual(['app']);
  });

  it('CONF-058: a .d.ts schema is skipped and reported with its package', async () => {
    await pkg('.', { name: 'root', dependencies: { typed: '1' } });
    await pkg('node_modules/typed', { name: 'typed', configSchema: 'config.d.ts' });
    const result = await collectPackageSchemas(dir);
    expect(result.schemas).toEqual([]);
    expect(result.skipped).toEqual([
      { packageName: 'typed', location: join(dir, 'node_modules', 'typed', 'config.d.ts') },
    ]);
  });

  it('CONF-059: an unreadable, unparseable or oddly named schema fails with CONF_SCHEMA_INVALID naming the package', async () => {
    for (const [configSchema, files] of [
      ['missing.json', {}],
      ['broken.json', { 'broken.json': '{ not json' }],
      ['schema.yaml', { 'schema.yaml': 'type: object' }],
      [42, {}],
    ] as const) {
      await rm(join(dir, 'node_modules'), { recursive: true, force: true });
      await pkg('.', { name: 'root', dependencies: { bad: '1' } });
      await pkg('node_modules/bad', { name: '@acme/bad', configSchema }, files);
      const error = await collectPackageSchemas(dir).catch((e: unknown) => e);
      expect(isConfigError(error, 'CONF_SCHEMA_INVALID'), String(configSchema)).toBe(true);
      expect((error as Error).message).toContain('@acme/bad');
    }
  });
});

describe('collectPackageSchemas with a cache directory', () => {
  const cacheDir = (): string => join(dir, 'cache');
  const collect = () => collectPackageSchemas(join(dir, 'app'), { cacheDir: cacheDir() });
  const names = (result: { schemas: Array<{ packageName?: string }> }) =>
    result.schemas.map((s) => s.packageName).sort();

  /** The one stored walk, rewritten so that a result read from it is recognisable. */
  async function markStoredResult(): Promise<void> {
    const [file] = readdirSync(cacheDir()).filter((f) => f.startsWith('package-schemas-'));
    const path = join(cacheDir(), file ?? 'missing');
    const stored = JSON.parse(readFileSync(path, 'utf8')) as {
      result: { schemas: Array<{ packageName?: string }> };
    };
    for (const s of stored.result.schemas) s.packageName = `stored:${s.packageName}`;
    await writeFile(path, JSON.stringify(stored));
  }

  beforeEach(async () => {
    await pkg('app', { name: 'app', dependencies: { 'plugin-a': '1' } });
    await pkg(
      'app/node_modules/plugin-a',
      { name: 'plugin-a', configSchema: 'schema.json', dependencies: { 'plugin-b': '1' } },
      { 'schema.json': JSON.stringify(schema('a')) },
    );
    await pkg('node_modules/plugin-b', { name: 'plugin-b', configSchema: schema('b') });
  });

  it('answers an unchanged tree from the stored walk', async () => {
    expect(names(await collect())).toEqual(['plugin-a', 'plugin-b']);
    await markStoredResult();
    expect(names(await collect())).toEqual(['stored:plugin-a', 'stored:plugin-b']);
  });

  it.each([
    [
      'an edited manifest',
      () => pkg('node_modules/plugin-b', { name: 'plugin-b', configSchema: schema('b2') }),
      ['plugin-a', 'plugin-b'],
    ],
    [
      'an edited schema file',
      () =>
        writeFile(join(dir, 'app/node_modules/plugin-a/schema.json'), JSON.stringify(schema('x'))),
      ['plugin-a', 'plugin-b'],
    ],
    [
      'a newly installed dependency',
      async () => {
        await pkg('app', { name: 'app', dependencies: { 'plugin-a': '1', 'plugin-c': '1' } });
        await pkg('app/node_modules/plugin-c', { name: 'plugin-c', configSchema: schema('c') });
      },
      ['plugin-a', 'plugin-b', 'plugin-c'],
    ],
    [
      'a nested copy that now shadows a hoisted one',
      () =>
        pkg('app/node_modules/plugin-a/node_modules/plugin-b', {
          name: 'plugin-b-nested',
          configSchema: schema('nested'),
        }),
      ['plugin-a', 'plugin-b-nested'],
    ],
    [
      'a removed dependency',
      () => rm(join(dir, 'node_modules', 'plugin-b'), { recursive: true }),
      ['plugin-a'],
    ],
  ] as const)('walks again after %s', async (_change, change, expected) => {
    await collect();
    await markStoredResult();
    await change();
    expect(names(await collect())).toEqual(expected);
    // The new walk was stored in turn.
    await markStoredResult();
    expect(names(await collect())).toEqual(expected.map((n) => `stored:${n}`));
  });

  it('never stores a walk that failed, and fails again the same way', async () => {
    await pkg('app/node_modules/plugin-a', { name: '@acme/plugin-a', configSchema: 'gone.json' });
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await collect().catch((e: unknown) => e);
      expect(isConfigError(error, 'CONF_SCHEMA_INVALID')).toBe(true);
      expect((error as Error).message).toContain('@acme/plugin-a');
    }
    expect(existsSync(cacheDir())).toBe(false);
  });

  it('walks when the stored file is unreadable or malformed, and replaces it', async () => {
    await collect();
    const [file] = readdirSync(cacheDir());
    for (const text of ['{ torn', JSON.stringify({ format: 1, witnesses: 'x' })]) {
      await writeFile(join(cacheDir(), file ?? ''), text);
      expect(names(await collect())).toEqual(['plugin-a', 'plugin-b']);
      await markStoredResult();
      expect(names(await collect())).toEqual(['stored:plugin-a', 'stored:plugin-b']);
    }
  });

  it('still collects when the cache directory cannot be written', async () => {
    // A file where the directory should be: nothing can be created under it.
    await writeFile(cacheDir(), 'not a directory');
    expect(names(await collect())).toEqual(['plugin-a', 'plugin-b']);
    expect(names(await collect())).toEqual(['plugin-a', 'plugin-b']);
  });
});
