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
