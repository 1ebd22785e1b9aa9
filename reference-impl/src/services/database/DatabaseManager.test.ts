import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseError } from './DatabaseError.js';
import { DatabaseManager } from './DatabaseManager.js';
import { backendConfig } from '../../../test/helpers/configFromData.js';

const managers: DatabaseManager[] = [];
const directories: string[] = [];
function managerFor(data: Record<string, unknown> | undefined): DatabaseManager {
  const manager = DatabaseManager.fromConfig(backendConfig('database', data));
  managers.push(manager);
  return manager;
}
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.destroy()));
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<DatabaseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  return error as DatabaseError;
}

async function tableNames(knex: Knex): Promise<string[]> {
  const rows = (await knex.raw("select name from sqlite_master where type = 'table'")) as Array<{
    name: string;
  }>;
  return rows.map((r) => r.name);
}

describe('DatabaseManager on SQLite', () => {
  it('DB-021/DB-002: without backend.database every plugin gets an in-memory better-sqlite3 database', async () => {
    const manager = managerFor(undefined);
    const knex = await manager.forPlugin('todo').getClient();
    expect(knex.client.config.client).toBe('better-sqlite3');
    expect(knex.client.config.connection).toMatchObject({ filename: ':memory:' });
    expect(await knex.raw('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('DB-003/DB-013/DB-033: every getClient() of one plugin resolves to the same instance', async () => {
    const manager = managerFor(undefined);
    const [a, b] = await Promise.all([
      manager.forPlugin('todo').getClient(),
      manager.forPlugin('todo').getClient(),
    ]);
    expect(a).toBe(b);
    expect(await manager.forPlugin('todo').getClient()).toBe(a);
  });

  it('DB-011/DB-012/DB-057: two in-memory plugins with the same table name never see each other', async () => {
    const manager = managerFor({ client: 'better-sqlite3', connection: ':memory:' });
    const a = await manager.forPlugin('alpha').getClient();
    const b = await manager.forPlugin('beta').getClient();
    await a.schema.createTable('items', (t) => t.string('name'));
    expect(await tableNames(b)).not.toContain('items');
    await b.schema.createTable('items', (t) => t.string('name'));
    await a('items').insert({ name: 'from-a' });
    await b('items').insert({ name: 'from-b' });
    expect(await a('items').pluck('name')).toEqual(['from-a']);
    expect(await b('items').pluck('name')).toEqual(['from-b']);
  });

  it('DB-058/DB-059/DB-016: a directory connection stores <directory>/<pluginId>.sqlite, creating missing parents', async () => {
    const root = mkdtempSync(join(tmpdir(), 'openstage-db-'));
    directories.push(root);
    const directory = join(root, 'nested', 'deeper');
    const config = { client: 'better-sqlite3', connection: { directory } };
    const first = managerFor(config);
    const knex = await first.forPlugin('catalog').getClient();
    await knex.schema.createTable('entities', (t) => t.string('ref'));
    await knex('entities').insert({ ref: 'component:a' });
    expect(existsSync(join(directory, 'catalog.sqlite'))).toBe(true);
    await first.destroy();
    // A second backend instance with the same settings reaches the same logical database.
    const second = managerFor(config);
    const again = await second.forPlugin('catalog').getClient();
    expect(await again('entities').pluck('ref')).toEqual(['component:a']);
  });

  it('DB-060: foreign keys are enforced on SQLite connections', async () => {
    const knex = await managerFor(undefined).forPlugin('todo').getClient();
    await knex.schema.createTable('parents', (t) => t.integer('id').primary());
    await knex.schema.createTable('children', (t) =>
      t.integer('parent_id').references('parents.id'),
    );
    await expect(knex('children').insert({ parent_id: 42 })).rejects.toThrow(/FOREIGN KEY/);
  });

  it('DB-004/DB-005: migrations.skip follows the effective skipMigrations setting', () => {
    const manager = managerFor({
      client: 'better-sqlite3',
      skipMigrations: true,
      plugin: { writer: { skipMigrations: false } },
    });
    expect(manager.forPlugin('reader').migrations?.skip).toBe(true);
    expect(manager.forPlugin('writer').migrations?.skip ?? false).toBe(false);
    expect(managerFor(undefined).forPlugin('todo').migrations?.skip ?? false).toBe(false);
  });

  it('DB-061: every client is destroyed in the root shutdown phase', async () => {
    const hooks: Array<() => unknown> = [];
    const manager = DatabaseManager.fromConfig(backendConfig('database', undefined), {
      rootLifecycle: { addShutdownHook: (hook) => void hooks.push(hook) },
    });
    managers.push(manager);
    const knex = await manager.forPlugin('todo').getClient();
    expect(hooks).toHaveLength(1);
    await Promise.all(hooks.map((hook) => hook()));
    await expect(knex.raw('select 1')).rejects.toThrow();
    // After shutdown no new client is handed out (it would never be destroyed).
    await expect(manager.forPlugin('other').getClient()).rejects.toThrow(/shut down/);
  });
});

describe('DatabaseManager configuration errors', () => {
  it('DB-024/DB-025: an unknown base client fails at getClient() naming the plugin and backend.database.client', async () => {
    const manager = managerFor({ client: 'oracledb' });
    const error = await rejection(manager.forPlugin('todo').getClient());
    expect(error.code).toBe('DB_UNSUPPORTED_CLIENT');
    expect(error.pluginId).toBe('todo');
    expect(error.configPath).toBe('backend.database.client');
  });

  it('DB-063: per-plugin problems are reported when the root context is created, every plugin at once', () => {
    let caught: unknown;
    try {
      DatabaseManager.fromConfig(
        backendConfig('database', {
          client: 'better-sqlite3',
          plugin: { first: { client: 'oracledb' }, second: { client: 'pg' } },
        }),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseError);
    const error = caught as DatabaseError;
    expect(error.code).toBe('DB_UNSUPPORTED_CLIENT');
    expect(error.message).toContain('backend.database.plugin.first.client');
    expect(error.message).toContain("'second'");
    expect(error.message).toContain('DB_MISSING_CONNECTION');
  });

  it('DB-042: an invalid division mode fails when the root context is created', () => {
    expect(() =>
      DatabaseManager.fromConfig(
        backendConfig('database', {
          client: 'pg',
          connection: 'postgresql://h/d',
          pluginDivisionMode: 'tables',
        }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'DB_INVALID_DIVISION_MODE',
        configPath: 'backend.database.pluginDivisionMode',
      }),
    );
  });

  // 127.0.0.1:1 refuses connections at once, so these need no server and no long timeout.
  for (const [client, ensureExists] of [
    ['pg', true],
    ['pg', false],
    ['mysql2', true],
    ['mysql2', false],
  ] as const) {
    it(`DB-030/DB-031/DB-032: an unreachable ${client} server (ensureExists ${ensureExists}) rejects getClient() naming plugin and path, without the password`, async () => {
      const manager = managerFor({
        client,
        connection: { host: '127.0.0.1', port: 1, user: 'app', password: 'hunter2-secret' },
        ensureExists,
        knexConfig: { acquireConnectionTimeout: 2000 },
      });
      const error = await rejection(manager.forPlugin('todo').getClient());
      expect(error.code).toBe('DB_CONNECTION_FAILED');
      expect(error.pluginId).toBe('todo');
      expect(error.configPath).toBe('backend.database.connection');
      expect(error.message).toContain("'todo'");
      expect(error.message).toContain('backend.database.connection');
      expect(error.message).not.toContain('hunter2-secret');
    });
  }

  it('DB-031: the per-plugin connection path is named when the plugin has its own connection', async () => {
    const manager = managerFor({
      client: 'pg',
      connection: 'postgresql://app@127.0.0.1:1/base',
      ensureExists: false,
      plugin: { search: { connection: { password: 'p@ss:word/x' } } },
    });
    const error = await rejection(manager.forPlugin('search').getClient());
    expect(error.code).toBe('DB_CONNECTION_FAILED');
    expect(error.configPath).toBe('backend.database.plugin.search.connection');
    expect(error.message).not.toContain('p@ss:word/x');
  });

  it('DB-003: a failed getClient() is not cached, so a later call retries', async () => {
    const manager = managerFor({
      client: 'pg',
      connection: 'postgresql://app@127.0.0.1:1/base',
      ensureExists: false,
    });
    const service = manager.forPlugin('todo');
    const first = service.getClient();
    await rejection(first);
    const second = service.getClient();
    expect(second).not.toBe(first);
    await rejection(second);
  });
});
