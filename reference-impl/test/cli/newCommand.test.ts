import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { captureIo } from './helpers/captureIo.js';
import { createTempWorkspace, type TempWorkspace } from './helpers/createTempWorkspace.js';

let ws: TempWorkspace;
beforeAll(() => {
  ws = createTempWorkspace();
});
afterAll(() => ws?.remove());

async function run(cwd: string, ...argv: string[]) {
  const io = captureIo(cwd);
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const read = (...path: string[]) => readFileSync(join(ws.root, ...path), 'utf8');
/** The fields of a generated package.json the tests read. */
interface Manifest {
  name: string;
  backstage: Record<string, string>;
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
}
const manifest = (dir: string) => JSON.parse(read(dir, 'package.json')) as Manifest;

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  return (
    readdirSync(join(ws.root, dir), { recursive: true, withFileTypes: true }) as Array<{
      isFile(): boolean;
      parentPath: string;
      name: string;
    }>
  )
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(ws.root, dir).length + 1))
    .sort();
}

describe('openstage new plugin', () => {
  it('creates plugins/<id>-backend at the workspace root, named after NAME-010 and NAME-040', async () => {
    const { code, out, err } = await run(
      join(ws.root, 'plugins'),
      'new',
      'plugin',
      'user-settings',
    );
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const dir = 'plugins/user-settings-backend';
    expect(out).toContain(`Created plugin 'user-settings' in user-settings-backend`);
    expect(files(dir)).toEqual([
      'README.md',
      'package.json',
      'src/index.ts',
      'src/plugin.test.ts',
      'src/plugin.ts',
      'src/router.ts',
      'tsconfig.json',
    ]);
    const pkg = manifest(dir);
    expect(pkg.name).toBe('@internal/plugin-user-settings-backend');
    expect(pkg.backstage).toEqual({ role: 'backend-plugin', pluginId: 'user-settings' });
    expect(pkg.exports['./package.json']).toBe('./package.json');
    expect(read(dir, 'src/index.ts')).toContain(
      "export { userSettingsPlugin as default } from './plugin.js';",
    );
    expect(read(dir, 'src/plugin.ts')).toContain("pluginId: 'user-settings',");
    const test = read(dir, 'src/plugin.test.ts');
    expect(test).toContain("from '@openstage/reference-impl/testing'");
    expect(test).toMatch(/startTestBackend\(/);
    expect(test).toMatch(/mockCredentials\.user\.header\(/);
    expect(read(dir, 'README.md')).toContain('# @internal/plugin-user-settings-backend');
  });

  it('honours --dir and --scope', async () => {
    const { code } = await run(
      ws.root,
      'new',
      'plugin',
      'billing',
      '--dir',
      'custom/billing',
      '--scope',
      '@acme',
    );
    expect(code).toBe(0);
    expect(manifest('custom/billing').name).toBe('@acme/plugin-billing-backend');
  });

  it.each([
    ['User_Settings', "Invalid plugin id 'User_Settings'", "'user-settings'"],
    ['9lives', "Invalid plugin id '9lives'", "'user-settings'"],
    ['a--b', "Invalid plugin id 'a--b'", "'user-settings'"],
  ])(
    'refuses the id %s with the pattern and an example, writing nothing',
    async (id, culprit, example) => {
      const { code, out, err } = await run(ws.root, 'new', 'plugin', id);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain(culprit);
      expect(err).toContain('^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$');
      expect(err).toContain(example);
      expect(existsSync(join(ws.root, 'plugins', `${id}-backend`))).toBe(false);
    },
  );

  it('never overwrites an existing folder, even an empty one', async () => {
    const dir = join(ws.root, 'plugins', 'taken-backend');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const { code, err } = await run(ws.root, 'new', 'plugin', 'taken');
    expect(code).toBe(1);
    expect(err).toBe(
      "Error: The folder 'plugins/taken-backend' already exists; nothing was written. Remove it, or choose another folder with --dir.\n",
    );
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    mkdirSync(join(ws.root, 'empty'));
    expect((await run(ws.root, 'new', 'plugin', 'other', '--dir', 'empty')).code).toBe(1);
    expect(readdirSync(join(ws.root, 'empty'))).toEqual([]);
  });
});

describe('openstage new module', () => {
  it('creates <pluginId>-backend-module-<moduleId> without extension points when the plugin offers none', async () => {
    const { code, out } = await run(ws.root, 'new', 'module', 'catalog', 'github-entity-provider');
    expect(code).toBe(0);
    const dir = 'plugins/catalog-backend-module-github-entity-provider';
    expect(out).toContain(
      "No built package of the workspace exports extension points of plugin 'catalog'",
    );
    const pkg = manifest(dir);
    expect(pkg.name).toBe('@internal/plugin-catalog-backend-module-github-entity-provider');
    expect(pkg.backstage).toEqual({ role: 'backend-plugin-module', pluginId: 'catalog' });
    const source = read(dir, 'src/module.ts');
    expect(source).toContain(
      'export const catalogModuleGithubEntityProvider = createBackendModule',
    );
    expect(source).toContain("'/modules/github-entity-provider/health'");
    expect(source).not.toContain('ExtensionPoint');
    expect(read(dir, 'src/index.ts')).toContain('catalogModuleGithubEntityProvider as default');
  });

  it('depends on the extension points a built -node library of the plugin exports', async () => {
    ws.write(
      'plugins/search-node/package.json',
      JSON.stringify({
        name: '@internal/plugin-search-node',
        version: '1.2.3',
        type: 'module',
        main: './dist/index.js',
        backstage: { role: 'node-library', pluginId: 'search' },
      }),
    );
    ws.write(
      'plugins/search-node/dist/index.js',
      "import { createExtensionPoint } from '@openstage/reference-impl';\n" +
        "export const searchIndexExtensionPoint = createExtensionPoint({ id: 'search.index' });\n" +
        "export const searchQueryExtensionPoint = createExtensionPoint({ id: 'search.query' });\n" +
        "export const somethingElse = { id: 'search.other' };\n",
    );
    const { code, out } = await run(ws.root, 'new', 'module', 'search', 'pdf');
    expect(code).toBe(0);
    expect(out).toContain(
      'Uses the extension point(s) searchIndexExtensionPoint (search.index), searchQueryExtensionPoint (search.query) of @internal/plugin-search-node.',
    );
    const dir = 'plugins/search-backend-module-pdf';
    expect(manifest(dir).dependencies['@internal/plugin-search-node']).toBe('1.2.3');
    const source = read(dir, 'src/module.ts');
    expect(source).toContain(
      "import { searchIndexExtensionPoint, searchQueryExtensionPoint } from '@internal/plugin-search-node';",
    );
    expect(source).toContain('index: searchIndexExtensionPoint,');
    expect(source).toContain('query: searchQueryExtensionPoint,');
    expect(source).not.toContain('somethingElse');
    expect(read(dir, 'src/module.test.ts')).toContain(
      'extensionPoints: [[searchIndexExtensionPoint, {}], [searchQueryExtensionPoint, {}]]',
    );
  });

  it('says when the plugin package exists but is not built', async () => {
    ws.write(
      'plugins/jobs-backend/package.json',
      JSON.stringify({
        name: '@internal/plugin-jobs-backend',
        main: './dist/index.js',
        backstage: { role: 'backend-plugin', pluginId: 'jobs' },
      }),
    );
    const { code, out } = await run(ws.root, 'new', 'module', 'jobs', 'cron');
    expect(code).toBe(0);
    expect(out).toContain('Found @internal/plugin-jobs-backend but not its built entry point');
    expect(read('plugins/jobs-backend-module-cron', 'src/module.ts')).not.toContain(
      'ExtensionPoint',
    );
  });

  it('refuses a bad module id naming it', async () => {
    const { code, err } = await run(ws.root, 'new', 'module', 'catalog', 'GitHub');
    expect(code).toBe(1);
    expect(err).toContain("Invalid module id 'GitHub'");
    expect(err).toContain("'github-entity-provider' or 'git-hub'");
  });
});

describe('openstage new service', () => {
  it('creates the ref, factory and test in the plugin library with --plugin (NAME-030 to NAME-034)', async () => {
    const { code } = await run(ws.root, 'new', 'service', 'todoList', '--plugin', 'todo');
    expect(code).toBe(0);
    const dir = 'plugins/todo-node';
    expect(files(dir)).toEqual([
      'README.md',
      'package.json',
      'src/index.ts',
      'src/todoListServiceFactory.test.ts',
      'src/todoListServiceFactory.ts',
      'src/todoListServiceRef.ts',
      'tsconfig.json',
    ]);
    expect(manifest(dir)).toMatchObject({
      name: '@internal/plugin-todo-node',
      backstage: { role: 'node-library', pluginId: 'todo' },
    });
    const ref = read(dir, 'src/todoListServiceRef.ts');
    expect(ref).toContain('export interface TodoListService {');
    expect(ref).toContain('export const todoListServiceRef = createServiceRef<TodoListService>({');
    expect(ref).toContain("id: 'todo.todoList',");
    expect(ref).toContain("scope: 'plugin',");
    expect(read(dir, 'src/index.ts')).not.toContain('default');
  });

  it('creates a root-scoped service in packages/ without --plugin', async () => {
    const { code } = await run(ws.root, 'new', 'service', 'featureFlags', '--root');
    expect(code).toBe(0);
    const dir = 'packages/feature-flags-service';
    expect(manifest(dir).name).toBe('@internal/feature-flags-service');
    const ref = read(dir, 'src/featureFlagsServiceRef.ts');
    expect(ref).toContain("id: 'featureFlags',");
    expect(ref).toContain("scope: 'root',");
  });

  it.each([
    [['todo-list'], "Invalid service name 'todo-list'", "'todoList'"],
    [['TodoList'], "Invalid service name 'TodoList'", "'todoList'"],
    [
      ['todoListService'],
      "Invalid service name 'todoListService': leave out the 'Service' suffix",
      "'todoList'",
    ],
    [['todoList', '--plugin', 'Todo'], "Invalid plugin id 'Todo'", "'todo'"],
    [['todoList', '--scope', 'acme'], "Invalid --scope 'acme'", "'@acme'"],
  ])('refuses %j naming the culprit, with an example', async (args, culprit, example) => {
    const { code, err } = await run(ws.root, 'new', 'service', ...args);
    expect(code).toBe(1);
    expect(err).toContain(culprit);
    expect(err).toContain(example);
  });
});
