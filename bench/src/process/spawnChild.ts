import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A message a child reported on its report pipe, with the time the harness received it. */
export interface ChildMessage {
  type: string;
  [field: string]: unknown;
}

/** How to start one child script of dist/child. */
export interface SpawnChildOptions {
  /** File name in dist/child, e.g. `backendChild.js`. */
  script: string;
  args?: string[];
  cwd?: string;
  env?: Record<string, string>;
  nodeOptions?: string[];
}

/** A running child: its messages, its exit, and a way to end it. */
export interface BenchChild {
  readonly process: ChildProcess;
  /** Resolves with the next message of `type`; rejects when the child exits or `timeoutMs` passes first. */
  next(type: string, timeoutMs: number): Promise<ChildMessage>;
  /** Resolves with the exit time (epoch ms) and code once the process has exited. */
  readonly exited: Promise<{ at: number; code: number | null; signal: string | null }>;
  /** The child's stderr so far (its logs and any crash), for error messages. */
  stderr(): string;
  kill(): Promise<void>;
}

const childDir = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'child');
let sequence = 0;

/**
 * Starts a child script. Its stdout is discarded (both runtimes log there by default), its
 * stderr goes to a temporary file and its measurements come on file descriptor 3. A file rather
 * than a pipe for stderr, so that the child holds no handle the harness made for it.
 */
export function spawnChild(options: SpawnChildOptions): BenchChild {
  const stderrFile = join(tmpdir(), `openstage-bench-${process.pid}-${sequence++}.log`);
  const stderrFd = openSync(stderrFile, 'w');
  const child = spawn(
    process.execPath,
    [...(options.nodeOptions ?? []), join(childDir, options.script), ...(options.args ?? [])],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'ignore', stderrFd, 'pipe'],
    },
  );
  closeSync(stderrFd);
  const queue: ChildMessage[] = [];
  const waiters: Array<() => void> = [];
  const lines = createInterface({ input: child.stdio[3] as NodeJS.ReadableStream });
  lines.on('line', (line) => {
    queue.push(JSON.parse(line) as ChildMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  let exitInfo: { at: number; code: number | null; signal: string | null } | undefined;
  let closed = false;
  const exited = new Promise<{ at: number; code: number | null; signal: string | null }>(
    (resolve) => {
      // Timed at 'exit'; settled at 'close', once every message on the pipe has been read.
      child.once('exit', (code, signal) => {
        exitInfo = { at: performance.timeOrigin + performance.now(), code, signal };
      });
      child.once('close', () => {
        closed = true;
        for (const wake of waiters.splice(0)) wake();
        resolve(exitInfo as { at: number; code: number | null; signal: string | null });
      });
    },
  );
  const stderr = (): string => {
    try {
      return readFileSync(stderrFile, 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };
  const describe = `${options.script} ${(options.args ?? []).join(' ')}`;

  return {
    process: child,
    exited,
    stderr,
    next(type, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new Error(`${describe}: no "${type}" message within ${timeoutMs} ms.\n${stderr()}`),
          );
        }, timeoutMs);
        const check = (): void => {
          const index = queue.findIndex((m) => m.type === type);
          if (index !== -1) {
            clearTimeout(timer);
            resolve(queue.splice(index, 1)[0] as ChildMessage);
          } else if (closed) {
            clearTimeout(timer);
            reject(
              new Error(
                `${describe}: exited (code ${exitInfo?.code}, signal ${exitInfo?.signal}) before reporting "${type}".\n${stderr()}`,
              ),
            );
          } else {
            waiters.push(check);
          }
        };
        check();
      });
    },
    async kill() {
      if (!closed) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(stderrFile, { force: true });
    },
  };
}
