import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { captureIo } from './helpers/captureIo.js';
import { cliMain, type TempWorkspace } from './helpers/createTempWorkspace.js';
import { createCommandWorkspace } from './helpers/fixtures.js';

let ws: TempWorkspace;
beforeAll(() => {
  ws = createCommandWorkspace('healthy');
  ws.write(
    'bad-config.yaml',
    'backend:\n  listen: { port: "not a port" }\n  startup: { default: { onPluginBootFailure: explode } }\n',
  );
});
afterAll(() => ws?.remove());

async function run(...argv: string[]) {
  const io = captureIo(ws.root);
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('openstage validate', () => {
  it('exits 0 without findings for a valid entry file and configuration', async () => {
    const { code, out } = await run('validate', 'features.mjs', '--config', 'app-config.yaml');
    expect(out).toBe('No findings: the configuration and the wiring are valid.\n');
    expect(code).toBe(0);
  });

  it('prints each preflight finding with code, culprit and hint, and exits 1', async () => {
    const { code, out } = await run('validate', 'broken.mjs', '--config', 'app-config.yaml');
    expect(code).toBe(1);
    expect(out).toMatch(
      /^error INIT_MISSING_DEPENDENCY pluginId=broken dependencyKey=store ref=serviceRef\{test\.missing\} path=features\[0\]\S*\n {2}.*test\.missing.*\n {2}hint: \S.*\n/,
    );
    expect(out).toContain('\n1 finding(s): 1 error(s), 0 warning(s).\n');
  });

  it('reports every configuration problem with its config path, without checking the wiring', async () => {
    const { code, out } = await run('validate', 'features.mjs', '--config', 'bad-config.yaml');
    expect(code).toBe(1);
    const heads = out.split('\n').filter((line) => line.startsWith('error '));
    expect(heads).toEqual(
      expect.arrayContaining([
        'error CONF_SCHEMA_VALIDATION_FAILED configPath=backend.listen.port',
        'error CONF_SCHEMA_VALIDATION_FAILED configPath=backend.startup.default.onPluginBootFailure',
      ]),
    );
    expect(out).toContain('The wiring was not checked: correct the configuration first.');
  });

  it('installs the packages listed under backend.packages when there is no entry file', async () => {
    ws.write('discovery.yaml', 'backend:\n  packages: all\n');
    const { code, out, err } = await run(
      'validate',
      '--config',
      'app-config.yaml',
      '--config',
      'discovery.yaml',
    );
    expect({ code, out, err }).toEqual({
      code: 0,
      out: 'No findings: the configuration and the wiring are valid.\n',
      err: '',
    });
    const graph = await run('graph', '--config', 'app-config.yaml', '--config', 'discovery.yaml');
    expect(JSON.parse(graph.out).nodes).toContainEqual(
      expect.objectContaining({ id: 'plugin:found', kind: 'plugin' }),
    );
  });

  it.each([
    [['--config', 'nowhere.yaml'], "Error: Config file 'nowhere.yaml' does not exist (looked for "],
    [['--config', 'app-config.yaml'], 'Error: Nothing to run: pass an entry file'],
    [
      ['missing.mjs', '--config', 'app-config.yaml'],
      "Error: Entry file 'missing.mjs' does not exist",
    ],
  ])('refuses %j in one line naming the file', async (args, expected) => {
    const { code, out, err } = await run('validate', ...args);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(2);
    expect(err).toContain(expected);
  });

  it('refuses an entry file whose default export is not a feature list', async () => {
    ws.write('strings.mjs', "export default ['@internal/plugin-found-backend'];\n");
    ws.write('nodefault.mjs', 'export const features = [];\n');
    const strings = await run('validate', 'strings.mjs', '--config', 'app-config.yaml');
    expect(strings.err).toBe(
      "Error: Entry file 'strings.mjs' must export default a feature or an array of features; found default[0] is the string '@internal/plugin-found-backend'.\n",
    );
    const none = await run('validate', 'nodefault.mjs', '--config', 'app-config.yaml');
    expect(none.err).toContain('found no default export');
    expect([strings.code, none.code]).toEqual([1, 1]);
  });

  it.skipIf((process.features as { typescript?: unknown }).typescript)(
    'refuses a TypeScript entry file Node.js cannot load, saying to compile it',
    () => {
      ws.write('features.ts', 'export default [];\n');
      // A real process: inside the test runner, import() compiles TypeScript on the fly.
      const result = spawnSync(
        process.execPath,
        [cliMain, 'validate', 'features.ts', '--config', 'app-config.yaml'],
        { cwd: ws.root, encoding: 'utf8' },
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^Error: Entry file 'features\.ts' is TypeScript, .*compile it/,
      );
    },
  );
});

describe('openstage graph', () => {
  it('prints the wiring graph as JSON by default', async () => {
    const { code, out } = await run('graph', 'features.mjs', '--config', 'app-config.yaml');
    expect(code).toBe(0);
    const graph = JSON.parse(out) as { nodes: Array<{ id: string }>; edges: unknown[] };
    expect(graph.nodes.map((n) => n.id)).toContain('plugin:healthy');
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ from: 'plugin:healthy', to: 'service:core.httpRouter' }),
    );
  });

  it('prints a Mermaid flowchart with --format mermaid', async () => {
    const { code, out } = await run(
      'graph',
      'features.mjs',
      '--config',
      'app-config.yaml',
      '--format',
      'mermaid',
    );
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('flowchart LR');
    expect(out).toContain('["plugin:healthy"]');
  });

  it('refuses an invalid configuration, pointing to openstage validate', async () => {
    const { code, out, err } = await run('graph', 'features.mjs', '--config', 'bad-config.yaml');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(
      /^Error: The configuration is invalid \(CONF_SCHEMA_VALIDATION_FAILED: .*\); run 'openstage validate'/,
    );
  });
});
