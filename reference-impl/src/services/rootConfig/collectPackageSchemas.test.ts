import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
  it('CONF-053, CONF-054: collects inline and file schemas from workspace packages and their dependencies, transitively', async () => {
    await pkg('.', {
      name: 'root',
      workspaces: ['packages/*', 'plugins/*'],
      configSchema: schema('root'),
    });
    await pkg('packages/backend', {
      name: 'backend',
      dependencies: { 'plugin-a': '1' },
      devDependencies: { 'dev-tool': '1' },
    });
    await pkg(
      'plugins/local',
      { name: 'local', configSchema: 'config.schema.json' },
      { 'config.schema.json': JSON.stringify(schema('local')) },
    );
    await pkg('node_modules/plugin-a', {
      name: 'plugin-a',
      configSchema: schema('a'),
      peerDependencies: { 'plugin-b': '1', 'not-installed': '1' },
    });
    await pkg(
      'node_modules/plugin-b',
      { name: 'plugin-b', configSchema: 'schema/b.json' },
      { 'schema/b.json': JSON.stringify(schema('b')) },
    );
    await pkg('node_modules/dev-tool', {
      name: 'dev-tool',
      optionalDependencies: { 'plugin-c': '1' },
    });
    await pkg('node_modules/plugin-c', { name: 'plugin-c', configSchema: schema('c') });
    await pkg('node_modules/unrelated', { name: 'unrelated', configSchema: schema('unrelated') });

    const result = await collectPackageSchemas(join(dir, 'packages', 'backend'), dir);
    expect(result.schemas.map((s) => s.packageName).sort()).toEqual([
      'local',
      'plugin-a',
      'plugin-b',
      'plugin-c',
      'root',
    ]);
    expect(result.schemas.find((s) => s.packageName === 'plugin-b')?.location).toBe(
      join(dir, 'node_modules', 'plugin-b', 'schema', 'b.json'),
    );
    expect(result.skipped).toEqual([]);
  });

  it('CONF-054: collects the schema of the package that contains the working directory', async () => {
    await pkg('app', { name: 'app', configSchema: schema('app') });
    await mkdir(join(dir, 'app', 'src'));
    const result = await collectPackageSchemas(join(dir, 'app', 'src'), join(dir, 'app', 'src'));
    expect(result.schemas.map((s) => s.packageName)).toEqual(['app']);
  });

  it('CONF-058: a .d.ts schema is skipped and reported with its package', async () => {
    await pkg('.', { name: 'root', dependencies: { typed: '1' } });
    await pkg('node_modules/typed', { name: 'typed', configSchema: 'config.d.ts' });
    const result = await collectPackageSchemas(dir, dir);
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
      const error = await collectPackageSchemas(dir, dir).catch((e: unknown) => e);
      expect(isConfigError(error, 'CONF_SCHEMA_INVALID'), String(configSchema)).toBe(true);
      expect((error as Error).message).toContain('@acme/bad');
    }
  });
});
