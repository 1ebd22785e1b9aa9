import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { captureIo } from './helpers/captureIo.js';
import {
  createTempWorkspace,
  repoNodeModules,
  type TempWorkspace,
} from './helpers/createTempWorkspace.js';

/** The conformance suite's command line, whose `features` command checks a feature package. */
const conformanceCli = fileURLToPath(
  new URL('../../../conformance/dist/src/cli.js', import.meta.url),
);
const tsc = join(repoNodeModules, 'typescript', 'bin', 'tsc');
const vitest = join(repoNodeModules, 'vitest', 'vitest.mjs');

interface Step {
  command: string;
  code: number | null;
  output: string;
}

function exec(args: string[], cwd: string): Promise<Step> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ command: args.slice(1).join(' '), code, output }));
  });
}

/** Builds, tests and conformance-checks one generated package; stops at a failure. */
async function verify(dir: string): Promise<Step[]> {
  const steps: Step[] = [];
  const commands = [
    [tsc, '-p', dir],
    [vitest, 'run', '--root', dir],
    [conformanceCli, 'features', dir, '--adapter', 'reference'],
  ];
  for (const args of commands) {
    const step = await exec(args, dir);
    steps.push(step);
    if (step.code !== 0) break;
  }
  return steps;
}

let ws: TempWorkspace;
const results = new Map<string, Step[]>();

beforeAll(async () => {
  ws = createTempWorkspace();
  // A built -node library offering an extension point, for the module to find and use.
  ws.write(
    'plugins/gen-node/package.json',
    JSON.stringify({
      name: '@internal/plugin-gen-node',
      version: '0.1.0',
      type: 'module',
      main: './dist/index.js',
      types: './dist/index.d.ts',
      backstage: { role: 'node-library', pluginId: 'gen' },
    }),
  );
  ws.write(
    'plugins/gen-node/dist/index.js',
    "import { createExtensionPoint } from '@openstage/reference-impl';\n" +
      "export const genWidgetsExtensionPoint = createExtensionPoint({ id: 'gen.widgets' });\n",
  );
  ws.write(
    'plugins/gen-node/dist/index.d.ts',
    "import type { ExtensionPoint } from '@openstage/reference-impl';\n" +
      'export interface GenWidgetsExtensionPoint { addWidget(name: string): void; }\n' +
      'export declare const genWidgetsExtensionPoint: ExtensionPoint<GenWidgetsExtensionPoint>;\n',
  );
  ws.link('@internal/plugin-gen-node', join(ws.root, 'plugins', 'gen-node'));

  for (const argv of [
    ['new', 'plugin', 'gen'],
    ['new', 'module', 'gen', 'extras'],
    ['new', 'service', 'counter'],
  ]) {
    const io = captureIo(ws.root);
    const code = await runCli(argv, io);
    if (code !== 0) throw new Error(`openstage ${argv.join(' ')} failed: ${io.stderr()}`);
  }
  // One package at a time: each step already keeps a core busy, and the rest of the suite runs
  // beside this file on a small machine, where timing-sensitive tests suffer from bursts.
  for (const [name, dir] of [
    ['plugin', 'plugins/gen-backend'],
    ['module', 'plugins/gen-backend-module-extras'],
    ['service', 'packages/counter-service'],
  ] as const) {
    results.set(name, await verify(join(ws.root, dir)));
  }
}, 120_000);

afterAll(() => ws?.remove());

function describeSteps(steps: Step[]): string {
  return steps.map((s) => `$ ${s.command} -> ${s.code}\n${s.output}`).join('\n');
}

describe('generated packages build, pass their own tests and the feature checks', () => {
  it.each([
    ['plugin', 'the plugin', 4, '(registrations gen)'],
    [
      'module',
      'the module using the plugin library’s extension point',
      1,
      '(registrations gen/extras)',
    ],
    ['service', 'the service library', 1, '(service library: counter plugin)'],
  ])(
    '%s: %s: tsc, vitest, conformance features',
    (name: string, _what: string, tests: number, checked: string) => {
      const steps = results.get(name)!;
      expect(
        steps.map((s) => s.code),
        describeSteps(steps),
      ).toEqual([0, 0, 0]);
      expect(steps[1]!.output).toMatch(new RegExp(`Tests\\s+${tests} passed`));
      // The features command judged the package as the kind it is.
      expect(steps[2]!.output).toContain(checked);
    },
  );
});
