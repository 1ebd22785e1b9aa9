import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeStdoutLine } from './writeStdoutLine.js';

const fixture = fileURLToPath(new URL('./__fixtures__/logThenExit.ts', import.meta.url));

/** The next turn of the event loop, by which every held line has been written. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function runFixture(mode: string, count: number): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode, String(count)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    // A child that never ends (the failure some of these tests look for) is killed, not leaked.
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, code });
    });
  });
}

describe('writeStdoutLine', () => {
  let writes: string[];
  beforeEach(async () => {
    await nextTurn();
    writes = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      writes.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('LOG-018: writes a lone line to standard output before returning', () => {
    writeStdoutLine('alone');
    expect(writes).toEqual(['alone\n']);
  });

  it('LOG-018: writes the rest of a burst in one write when the turn ends, in order', async () => {
    for (let i = 0; i < 5; i++) writeStdoutLine(`line ${i}`);
    expect(writes).toEqual(['line 0\n']);
    await nextTurn();
    expect(writes).toEqual(['line 0\n', 'line 1\nline 2\nline 3\nline 4\n']);
  });

  it('LOG-018: writes held lines at once when a burst grows long', async () => {
    for (let i = 0; i < 1000; i++) writeStdoutLine(`line ${i}`);
    expect(writes.length).toBeGreaterThan(1);
    await nextTurn();
    expect(writes.join('')).toBe(Array.from({ length: 1000 }, (_, i) => `line ${i}\n`).join(''));
  });

  it('LOG-018: keeps writing lines from the next turn on', async () => {
    writeStdoutLine('first');
    writeStdoutLine('held');
    await nextTurn();
    writeStdoutLine('later');
    expect(writes).toEqual(['first\n', 'held\n', 'later\n']);
  });
});

describe('writeStdoutLine at process exit', () => {
  const COUNT = 2000;
  const expected = Array.from({ length: COUNT }, (_, i) => `entry ${i}`);
  const messages = (stdout: string): string[] =>
    stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as { message: string }).message);

  it.each(['exit', 'throw', 'drain'])(
    'LOG-018: loses no entry when the process ends by %s right after logging',
    async (mode) => {
      const { stdout, code } = await runFixture(mode, COUNT);
      expect(messages(stdout)).toEqual(expected);
      expect(code).toBe(mode === 'throw' ? 1 : 0);
    },
    20_000,
  );

  it('LOG-018: a beforeExit listener that logs does not keep the process alive', async () => {
    const { stdout, code } = await runFixture('beforeExit', 3);
    expect(messages(stdout)).toEqual(['entry 0', 'entry 1', 'entry 2', 'before exit 1']);
    expect(code).toBe(0);
  }, 20_000);

  it('LOG-018: writes the entries that exit listeners log after the held ones', async () => {
    const { stdout, code } = await runFixture('exitListener', 3);
    expect(messages(stdout)).toEqual([
      'entry 0',
      'entry 1',
      'entry 2',
      'exit A',
      'exit B',
      'exit C',
    ]);
    expect(code).toBe(0);
  }, 20_000);
});
