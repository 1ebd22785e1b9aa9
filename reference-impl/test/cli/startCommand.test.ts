import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliMain, type TempWorkspace } from './helpers/createTempWorkspace.js';
import { createCommandWorkspace } from './helpers/fixtures.js';

let ws: TempWorkspace;
beforeAll(() => {
  ws = createCommandWorkspace('hello');
  ws.write('discovery.yaml', 'backend:\n  packages: all\n');
});
afterAll(() => ws?.remove());

/** `openstage start ...args` as a real process in the workspace, with its output collected. */
function start(...args: string[]) {
  const child = spawn(process.execPath, [cliMain, 'start', ...args], {
    cwd: ws.root,
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, out: () => out, err: () => err };
}

/** Resolves with the URL from the startup summary, or rejects with the output if it exits. */
async function listening(run: ReturnType<typeof start>): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const url = /Openstage backend listening on (\S+)/.exec(run.out())?.[1];
    if (url) return url;
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no startup summary; stdout:\n${run.out()}\nstderr:\n${run.err()}`);
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  child.kill('SIGTERM');
  return exited;
}

describe('openstage start', () => {
  it('starts the entry file, prints the startup summary, serves, and stops on SIGTERM', async () => {
    const run = start('features.mjs', '--config', 'app-config.yaml');
    const url = await listening(run);
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(run.out()).toMatch(/PLUGIN +MODULE +OUTCOME +DURATION\n +hello +success +\d+ ms/);
    expect(run.out()).toContain('Started 1 plugin(s) in ');
    expect(run.out()).toContain(`Readiness: ${url}/.backstage/health/v1/readiness`);
    const response = await fetch(`${url}/api/hello/health`);
    expect(await response.json()).toEqual({ plugin: 'hello' });
    expect(await stop(run.child, run.exited)).toBe(0);
  });

  it('starts the packages listed under backend.packages without an entry file', async () => {
    const run = start('--config', 'app-config.yaml', '--config', 'discovery.yaml');
    const url = await listening(run);
    expect(run.out()).toMatch(/\n +found +success/);
    expect(await (await fetch(`${url}/api/found/health`)).json()).toEqual({ plugin: 'found' });
    expect(await stop(run.child, run.exited)).toBe(0);
  });

  it('prints every preflight error and exits 1 when the backend cannot start', async () => {
    const run = start('broken.mjs', '--config', 'app-config.yaml');
    expect(await run.exited).toBe(1);
    expect(run.err()).toMatch(/^error INIT_MISSING_DEPENDENCY pluginId=broken /m);
    expect(run.err()).toMatch(/^ {2}hint: /m);
    expect(run.err()).toContain('The backend did not start: 1 error(s) above.');
    expect(run.out()).not.toContain('listening on');
  });

  it('refuses a missing config file in one line and exits 1', async () => {
    const run = start('features.mjs', '--config', 'nope.yaml');
    expect(await run.exited).toBe(1);
    expect(run.err()).toMatch(
      /^Error: Config file 'nope\.yaml' does not exist \(looked for .*\)\. .*\n$/,
    );
  });
});
