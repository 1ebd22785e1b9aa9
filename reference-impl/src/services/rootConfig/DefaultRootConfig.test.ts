import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { JsonObject } from '@openstage/spec';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DefaultRootConfig,
  type ConfigLogger,
  type RootConfigOptions,
} from './DefaultRootConfig.js';
import { isConfigError } from './ConfigError.js';

let dir: string;
const opened: DefaultRootConfig[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-rootconfig-'));
});

afterEach(async () => {
  for (const root of opened.splice(0)) root.close();
  await rm(dir, { recursive: true, force: true });
});

async function write(relative: string, text: string): Promise<string> {
  const file = join(dir, relative);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  meta: Error | JsonObject | undefined;
}

function captureLogger(): ConfigLogger & {
  entries: LogEntry[];
  next(level: LogEntry['level']): Promise<LogEntry>;
} {
  const entries: LogEntry[] = [];
  const waiting: Array<{ level: LogEntry['level']; resolve: (entry: LogEntry) => void }> = [];
  const push = (level: LogEntry['level']) => (message: string, meta?: Error | JsonObject) => {
    const entry = { level, message, meta };
    entries.push(entry);
    for (const w of waiting.splice(0)) {
      if (w.level === level) w.resolve(entry);
      else waiting.push(w);
    }
  };
  return {
    entries,
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    next: (level) => new Promise((resolve) => waiting.push({ level, resolve })),
  };
}

async function create(options: RootConfigOptions = {}): Promise<DefaultRootConfig> {
  const root = await DefaultRootConfig.create({
    cwd: dir,
    argv: [],
    env: {},
    packageSchemas: false,
    logger: captureLogger(),
    ...options,
  });
  opened.push(root);
  return root;
}

/** Resolves on the next change notification. */
function nextChange(root: DefaultRootConfig): Promise<void> {
  return new Promise((resolve) => {
    const subscription = root.config.subscribe!(() => {
      subscription.unsubscribe();
      resolve();
    });
  });
}

const BASE = 'backend:\n  baseUrl: http://localhost:7007\n';

describe('DefaultRootConfig', () => {
  it('RCFG-031, CONF-055: loads, merges and validates; a violation fails with every path listed', async () => {
    await write('app-config.yaml', `${BASE}  listen:\n    port: 7007\n`);
    const root = await create({
      env: { APP_CONFIG_backend_listen_host: '127.0.0.1' },
      watch: false,
    });
    expect(root.config.getConfig('backend.listen').get()).toEqual({
      port: 7007,
      host: '127.0.0.1',
    });

    await write(
      'app-config.yaml',
      'backend:\n  listen:\n    port: nope\n  logger:\n    level: loud\n',
    );
    const error = await create({ watch: false }).catch((e: unknown) => e);
    expect(isConfigError(error, 'CONF_SCHEMA_VALIDATION_FAILED')).toBe(true);
    const paths = (error as { problems: Array<{ path: string }> }).problems.map((p) => p.path);
    expect(paths).toEqual(['backend.baseUrl', 'backend.listen.port', 'backend.logger.level']);
  });

  it('CONF-066: the schemas option adds schemas that are validated too', async () => {
    await write('app-config.yaml', `${BASE}todo:\n  limit: 0\n`);
    const schema = {
      type: 'object',
      properties: {
        todo: { type: 'object', properties: { limit: { type: 'integer', minimum: 1 } } },
      },
    };
    const error = await create({ watch: false, schemas: [schema] }).catch((e: unknown) => e);
    expect(isConfigError(error, 'CONF_SCHEMA_VALIDATION_FAILED')).toBe(true);
    expect((error as { problems: unknown[] }).problems).toEqual([
      { path: 'todo.limit', message: 'must be >= 1' },
    ]);
  });

  it('CONF-065: the strict option reports keys no schema declares', async () => {
    const schema = {
      type: 'object',
      properties: { todo: { type: 'object', properties: { limit: { type: 'integer' } } } },
    };
    await write('app-config.yaml', `${BASE}todo:\n  limt: 3\n`);
    await expect(create({ watch: false, schemas: [schema] })).resolves.toBeDefined();
    const error = await create({ watch: false, schemas: [schema], strict: true }).catch(
      (e: unknown) => e,
    );
    expect((error as { problems: unknown[] }).problems).toEqual([
      { path: 'todo.limt', message: 'is not declared by any schema (strict mode)' },
    ]);
  });

  it('CONF-070: reports the files loaded and the number of APP_CONFIG_ variables', async () => {
    await write('app-config.yaml', BASE);
    await write('app-config.local.yaml', 'x: 1\n');
    const logger = captureLogger();
    await create({ watch: false, logger, env: { APP_CONFIG_a: '1', APP_CONFIG_b: '2' } });
    const report = logger.entries.find((e) => e.level === 'info');
    expect(report?.message).toContain(join(dir, 'app-config.yaml'));
    expect(report?.message).toContain(join(dir, 'app-config.local.yaml'));
    expect(report?.meta).toEqual({
      files: [join(dir, 'app-config.yaml'), join(dir, 'app-config.local.yaml')],
      urls: [],
      envVariables: 2,
    });
  });

  it('CONF-067, CONF-069: knows the secrets of the current configuration', async () => {
    await write(
      'app-config.yaml',
      `${BASE}  database:\n    client: pg\n    connection:\n      host: db\n      password: \${PG_PASSWORD}\n`,
    );
    const root = await create({ watch: false, env: { PG_PASSWORD: 'pw-1' } });
    expect([...root.secrets]).toEqual(['pw-1']);
  });

  it('RCFG-024, RCFG-038: without watching there is no subscribe and no reload', async () => {
    await write('app-config.yaml', `${BASE}value: 1\n`);
    const root = await create({ watch: false });
    expect(root.config.subscribe).toBeUndefined();
    await write('app-config.yaml', `${BASE}value: 2\n`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(root.config.getNumber('value')).toBe(1);
  });

  it('RCFG-035, RCFG-029: a changed file reloads the configuration, also for views taken before', async () => {
    await write('app-config.yaml', `${BASE}plugin:\n  value: 1\n`);
    const root = await create({ watchDebounceMs: 10 });
    const view = root.config.getConfig('plugin');
    const changed = nextChange(root);
    await write('app-config.yaml', `${BASE}plugin:\n  value: 2\n`);
    await changed;
    expect(view.getNumber('value')).toBe(2);
    expect(root.config.getNumber('plugin.value')).toBe(2);
  });

  it('RCFG-035: a change to an included file, or a newly created local file, reloads too', async () => {
    await write('app-config.yaml', `${BASE}shared:\n  $include: shared/values.yaml\n`);
    await write('shared/values.yaml', 'a: 1\n');
    const root = await create({ watchDebounceMs: 10 });

    let changed = nextChange(root);
    await write('shared/values.yaml', 'a: 2\n');
    await changed;
    expect(root.config.getNumber('shared.a')).toBe(2);

    changed = nextChange(root);
    await write('app-config.local.yaml', 'shared:\n  b: 3\n');
    await changed;
    expect(root.config.get('shared')).toEqual({ a: 2, b: 3 });
  });

  it('RCFG-037: a failed reload keeps the old configuration, logs RCFG_RELOAD_FAILED with the source, and watching goes on', async () => {
    const file = await write('app-config.yaml', `${BASE}value: 1\n`);
    const logger = captureLogger();
    const root = await create({ watchDebounceMs: 10, logger });

    const failed = logger.next('error');
    await write('app-config.yaml', `${BASE}value: [1,\n`);
    const entry = await failed;
    expect(entry.meta).toMatchObject({
      code: 'RCFG_RELOAD_FAILED',
      source: file,
      causeCode: 'CONF_PARSE_FAILED',
    });
    expect(root.config.getNumber('value')).toBe(1);

    const invalid = logger.next('error');
    await write('app-config.yaml', 'value: 3\n');
    expect((await invalid).meta).toMatchObject({
      code: 'RCFG_RELOAD_FAILED',
      causeCode: 'CONF_SCHEMA_VALIDATION_FAILED',
    });
    expect(root.config.getNumber('value')).toBe(1);

    const changed = nextChange(root);
    await write('app-config.yaml', `${BASE}value: 4\n`);
    await changed;
    expect(root.config.getNumber('value')).toBe(4);
  });

  describe('notifications (reloads triggered by hand)', () => {
    // A long debounce keeps the file watcher out of these tests; reload() is called directly.
    const manual = { watchDebounceMs: 3_600_000 };

    it('RCFG-026, RCFG-027: onChange is called without arguments after a changing reload, and only then', async () => {
      await write('app-config.yaml', `${BASE}value: 1\n`);
      const root = await create(manual);
      const calls: unknown[][] = [];
      const subscription = root.config.subscribe!((...args: unknown[]) => void calls.push(args));

      await root.reload();
      expect(calls).toEqual([]);

      await write('app-config.yaml', `${BASE}value: 2\n`);
      await root.reload();
      expect(calls).toEqual([[]]);

      subscription.unsubscribe();
      await write('app-config.yaml', `${BASE}value: 3\n`);
      await root.reload();
      expect(calls).toEqual([[]]);
      expect(root.config.getNumber('value')).toBe(3);
    });

    it('RCFG-028: a throwing listener does not keep the others from being called', async () => {
      await write('app-config.yaml', `${BASE}value: 1\n`);
      const logger = captureLogger();
      const root = await create({ ...manual, logger });
      const called: string[] = [];
      root.config.subscribe!(() => {
        called.push('first');
        throw new Error('listener failed');
      });
      root.config.subscribe!(() => void called.push('second'));
      await write('app-config.yaml', `${BASE}value: 2\n`);
      await root.reload();
      expect(called).toEqual(['first', 'second']);
      expect(
        logger.entries.some(
          (e) =>
            e.level === 'error' &&
            !(e.meta instanceof Error) &&
            e.meta?.['error'] === 'listener failed',
        ),
      ).toBe(true);
    });

    it('RCFG-030: subscribe on a view subscribes to the whole configuration', async () => {
      await write('app-config.yaml', `${BASE}a:\n  x: 1\nb: 1\n`);
      const root = await create(manual);
      let calls = 0;
      root.config.getConfig('a').subscribe!(() => void calls++);
      await write('app-config.yaml', `${BASE}a:\n  x: 1\nb: 2\n`);
      await root.reload();
      expect(calls).toBe(1);
    });

    it('RCFG-036: a reload reads the environment as it was at startup', async () => {
      await write('app-config.yaml', `${BASE}value: \${VALUE}\nother: 1\n`);
      const env: Record<string, string> = { VALUE: 'start', APP_CONFIG_x: '1' };
      const root = await create({ ...manual, env });
      env['VALUE'] = 'changed';
      env['APP_CONFIG_x'] = '2';
      await write('app-config.yaml', `${BASE}value: \${VALUE}\nother: 2\n`);
      await root.reload();
      expect(root.config.get()).toMatchObject({ value: 'start', other: 2, x: 1 });
    });

    it('CONF-069: secrets follow reloads', async () => {
      const yaml = (password: string) =>
        `${BASE}  database:\n    client: pg\n    connection:\n      password: ${password}\n`;
      await write('app-config.yaml', yaml('old-pw'));
      const root = await create(manual);
      await write('app-config.yaml', yaml('new-pw'));
      await root.reload();
      expect([...root.secrets]).toEqual(['new-pw']);
    });

    it('RCFG-039: close() stops reloading and notifying', async () => {
      await write('app-config.yaml', `${BASE}value: 1\n`);
      const root = await create(manual);
      let calls = 0;
      root.config.subscribe!(() => void calls++);
      root.close();
      await write('app-config.yaml', `${BASE}value: 2\n`);
      await root.reload();
      expect(calls).toBe(0);
      expect(root.config.getNumber('value')).toBe(1);
    });
  });

  it('CONF-017, RCFG-033: remote sources are polled every reloadInterval', async () => {
    await write('base.yaml', BASE);
    let version = 1;
    const root = await create({
      watch: false,
      argv: ['--config', 'base.yaml', '--config', 'https://config.example.com/app.yaml'],
      remote: { reloadInterval: '10ms' },
      fetchText: async () => `remote: ${version}\n`,
    });
    expect(root.config.getNumber('remote')).toBe(1);
    const changed = nextChange(root);
    version = 2;
    await changed;
    expect(root.config.getNumber('remote')).toBe(2);
  });

  it('CONF-016: remote URLs without the remote option fail with CONF_REMOTE_DISABLED', async () => {
    const error = await create({
      watch: false,
      argv: ['--config', 'https://config.example.com/app.yaml'],
    }).catch((e: unknown) => e);
    expect(isConfigError(error, 'CONF_REMOTE_DISABLED')).toBe(true);
  });

  it('CONF-052: a bad remote.reloadInterval fails with CONF_INVALID_DURATION', async () => {
    await write('app-config.yaml', BASE);
    const error = await create({ watch: false, remote: { reloadInterval: 'often' } }).catch(
      (e: unknown) => e,
    );
    expect(isConfigError(error, 'CONF_INVALID_DURATION')).toBe(true);
    expect((error as { configPath: string }).configPath).toBe('remote.reloadInterval');
  });
});
