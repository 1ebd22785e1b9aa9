import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliCommands } from '../../src/cli/commands/index.js';
import { runCli } from '../../src/cli/runCli.js';
import { captureIo } from './helpers/captureIo.js';

async function run(...argv: string[]) {
  const io = captureIo(tmpdir());
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('openstage', () => {
  it('lists every command with its summary on --help and without arguments', async () => {
    for (const argv of [[], ['--help'], ['-h']]) {
      const { code, out, err } = await run(...argv);
      expect(code).toBe(0);
      expect(err).toBe('');
      for (const command of ['new', 'start', 'validate', 'graph'])
        expect(out).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    }
  });

  it('prints the package version on --version', async () => {
    const { code, out } = await run('--version');
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each(cliCommands.map((c) => c.name))(
    '%s --help shows its usage and examples, and exits 0',
    async (name) => {
      const { code, out, err } = await run(name, '--help');
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toMatch(new RegExp(`^Usage:[\\s\\S]*openstage ${name}`));
      expect(out).toContain('Examples:');
      expect(out).toMatch(new RegExp(`\\n  openstage ${name} `));
    },
  );

  it('refuses an unknown command in one line naming it, with exit status 2', async () => {
    const { code, out, err } = await run('strat');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      "Error: Unknown command 'strat': use one of new, start, validate, graph. Run 'openstage --help' for the commands.\n",
    );
  });

  it('refuses an option given before any command', async () => {
    const { code, err } = await run('--config', 'x.yaml');
    expect(code).toBe(2);
    expect(err).toMatch(/^Error: Unknown option '--config': options come after the command\./);
  });

  it.each([
    [['start', '--port', '7007'], "Unknown option '--port' for 'openstage start'"],
    [['validate', '-x'], "Unknown option '-x' for 'openstage validate'"],
    [['graph', '--config'], "Option '--config' of 'openstage graph' needs a value"],
    [['new', 'plugin', 'todo', '--dir'], "Option '--dir' of 'openstage new plugin' needs a value"],
    [['new', 'plugin', 'todo', '--root'], "Option '--root' is only for 'openstage new service'"],
    [['validate', 'a.js', 'b.js'], "'openstage validate' does not take the argument 'b.js'"],
    [['new', 'module', 'todo'], "'openstage new module' is missing the argument <moduleId>"],
    [['new'], "'openstage new' needs what to create: plugin, module, service"],
    [['new', 'widget', 'x'], "Unknown kind 'widget' for 'openstage new'"],
    [
      ['graph', '--format', 'dot'],
      "Unknown --format 'dot' for 'openstage graph': use json or mermaid",
    ],
  ])('refuses %j in one line: %s', async (argv, expected) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err.split('\n')).toHaveLength(2);
    expect(err).toContain(`Error: ${expected}`);
    expect(err).toMatch(/--help/);
  });
});

describe('the installed bin', () => {
  // `npx openstage` runs the link npm made at install time in the workspace's node_modules/.bin.
  it('runs as `openstage` from node_modules/.bin', () => {
    const bin = fileURLToPath(new URL('../../../node_modules/.bin/openstage', import.meta.url));
    const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
