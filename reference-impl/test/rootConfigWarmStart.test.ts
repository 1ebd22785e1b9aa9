import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The point of rootConfig's caches is what a process does not load, which only a fresh process
// can show: this runs the built package (dist/bundle/) the way a deployed backend does.
const rootConfigEntry = pathToFileURL(
  fileURLToPath(new URL('../dist/bundle/services/rootConfig/index.js', import.meta.url)),
).href;

/** Starts rootConfig in `cwd` in a new process; reports what it loaded and what it validated. */
function startInFreshProcess(
  cwd: string,
  env: Record<string, string> = {},
): { ajvCompilerLoaded: boolean; validatorLoaded: boolean; problem?: string } {
  const script = `
    import { createRequire } from 'node:module';
    const { DefaultRootConfig } = await import(${JSON.stringify(rootConfigEntry)});
    let problem;
    try {
      await DefaultRootConfig.create({ cwd: process.cwd(), argv: [], env: process.env });
    } catch (error) {
      problem = error.message;
    }
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({
      ajvCompilerLoaded: loaded.some((file) => /[\\\\/]ajv[\\\\/]dist[\\\\/]compile[\\\\/]/.test(file)),
      // Every validator, precompiled or cached, loads ajv's runtime helpers when it is created.
      validatorLoaded: loaded.some((file) => /[\\\\/]ajv[\\\\/]dist[\\\\/]/.test(file)),
      problem,
    }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
    ajvCompilerLoaded: boolean;
    validatorLoaded: boolean;
    problem?: string;
  };
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'openstage-warm-start-'));
  const write = (path: string, value: unknown): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(value));
  };
  write('package.json', { name: 'backend', dependencies: { 'plugin-a': '1' } });
  write('node_modules/plugin-a/package.json', {
    name: 'plugin-a',
    configSchema: {
      type: 'object',
      properties: {
        pluginA: {
          type: 'object',
          properties: { limit: { type: 'integer' } },
        },
      },
    },
  });
  writeFileSync(join(dir, 'app-config.yaml'), 'pluginA:\n  limit: many\n');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('rootConfig on a warm start', () => {
  it('validates package schemas without loading ajv’s compiler once they were compiled', () => {
    const cold = startInFreshProcess(dir);
    expect(cold.ajvCompilerLoaded).toBe(true);
    expect(cold.problem).toContain('pluginA.limit');
    const cached = readdirSync(join(dir, 'node_modules', '.cache', 'openstage', 'config-schemas'));
    // The package schema's validator, and V8's code cache of the spec schemas' validator, written
    // even though the configuration failed validation.
    expect(cached.some((file) => file.endsWith('.cjs'))).toBe(true);
    expect(cached.some((file) => /^spec-config-validator-.*\.v8cache$/.test(file))).toBe(true);

    const warm = startInFreshProcess(dir);
    expect(warm.ajvCompilerLoaded).toBe(false);
    // The validator from the cache still judges the configuration.
    expect(warm.problem).toBe(cold.problem);
  });

  it('loads no validator once the same configuration passed, and validates a changed one', () => {
    const backend = 'backend:\n  baseUrl: http://localhost:7007\n';
    writeFileSync(join(dir, 'app-config.yaml'), `${backend}pluginA:\n  limit: 5\n`);
    const first = startInFreshProcess(dir);
    expect(first).toMatchObject({ validatorLoaded: true });
    expect(first.problem).toBeUndefined();

    const again = startInFreshProcess(dir);
    expect(again).toMatchObject({ validatorLoaded: false, ajvCompilerLoaded: false });
    expect(again.problem).toBeUndefined();

    writeFileSync(join(dir, 'app-config.yaml'), `${backend}pluginA:\n  limit: many\n`);
    const changed = startInFreshProcess(dir);
    expect(changed.validatorLoaded).toBe(true);
    expect(changed.problem).toContain('pluginA.limit');
  });

  it('compiles on every start when the cache is turned off', () => {
    const env = { OPENSTAGE_CONFIG_SCHEMA_CACHE: 'off' };
    startInFreshProcess(dir, env);
    const again = startInFreshProcess(dir, env);
    expect(again.ajvCompilerLoaded).toBe(true);
    expect(again.problem).toContain('pluginA.limit');
    expect(existsSync(join(dir, 'node_modules', '.cache'))).toBe(false);
  });
});
