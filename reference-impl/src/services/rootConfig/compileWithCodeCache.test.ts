import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileWithCodeCache } from './compileWithCodeCache.js';

let dir: string;
let sequence = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'openstage-code-cache-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A script of its own per test, so that V8's in-memory compilation cache never answers. */
function freshCode(): string {
  sequence++;
  return `(function square(n) { return n * n + ${sequence} - ${sequence}; })`;
}

function run(code: string, cacheDir: string | undefined, key = 'k1') {
  const script = compileWithCodeCache(code, { name: 'probe', key, cacheDir });
  const square = script.value as (n: number) => number;
  return { script, answer: square(7) };
}

const cacheFiles = (): string[] => readdirSync(dir).filter((file) => file.endsWith('.v8cache'));

describe('compileWithCodeCache', () => {
  it('without a folder, runs the code and keeps no cache', () => {
    const { script, answer } = run(freshCode(), undefined);
    expect(answer).toBe(49);
    expect(script.codeCache).toBe('off');
    script.saveCodeCache();
    expect(cacheFiles()).toEqual([]);
  });

  it('writes the cache when asked after a compile without one, and a later compile uses it', () => {
    const code = freshCode();
    const first = run(code, dir);
    expect(first.script.codeCache).toBe('absent');
    expect(cacheFiles()).toEqual([]); // nothing until the code has run its path
    first.script.saveCodeCache();
    expect(cacheFiles()).toEqual([`probe-k1-${process.versions.v8}-${process.arch}.v8cache`]);

    const second = run(code, dir);
    expect(second.script.codeCache).toBe('used');
    expect(second.answer).toBe(49);
    // A compile that used the cache has nothing new to write.
    rmSync(join(dir, cacheFiles()[0]!));
    second.script.saveCodeCache();
    expect(cacheFiles()).toEqual([]);
  });

  it('compiles as if there were no cache when the cache does not fit, and replaces it', () => {
    const code = freshCode();
    const file = join(dir, `probe-k1-${process.versions.v8}-${process.arch}.v8cache`);
    writeFileSync(file, Buffer.from('not a code cache at all'));
    const rejected = run(code, dir);
    expect(rejected.script.codeCache).toBe('rejected');
    expect(rejected.answer).toBe(49);
    rejected.script.saveCodeCache();
    expect(run(code, dir).script.codeCache).toBe('used');
  });

  it('keeps one cache per key', () => {
    const code = freshCode();
    run(code, dir, 'k1').script.saveCodeCache();
    expect(run(code, dir, 'k2').script.codeCache).toBe('absent');
  });

  it('never fails for a folder it cannot create', () => {
    // A folder below a file can be neither created nor written, even by root.
    writeFileSync(join(dir, 'file'), '');
    const cacheDir = join(dir, 'file', 'cache');
    const { script, answer } = run(freshCode(), cacheDir);
    expect(script.codeCache).toBe('absent');
    expect(answer).toBe(49);
    expect(() => script.saveCodeCache()).not.toThrow();
    expect(existsSync(cacheDir)).toBe(false);
  });
});
