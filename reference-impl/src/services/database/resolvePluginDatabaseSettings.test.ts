import { describe, expect, it } from 'vitest';
import { DatabaseError } from './DatabaseError.js';
import { resolvePluginDatabaseSettings as resolve } from './resolvePluginDatabaseSettings.js';

function codeOf(fn: () => unknown): DatabaseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DatabaseError) return error;
    throw error;
  }
  throw new Error('expected a DatabaseError');
}

const pg = { client: 'pg', connection: 'postgresql://app:s3cret@db.internal:5432/base' };

describe('resolvePluginDatabaseSettings', () => {
  it('DB-022: accepts pg, better-sqlite3, sqlite3, mysql and mysql2', () => {
    for (const client of ['pg', 'mysql', 'mysql2']) {
      expect(resolve({ client, connection: 'x://h/d' }, 'p').client).toBe(client);
    }
    for (const client of ['better-sqlite3', 'sqlite3']) {
      expect(resolve({ client }, 'p').family).toBe('sqlite');
    }
  });

  it('DB-024/DB-025: an unknown base client names the value, the plugin and backend.database.client', () => {
    const error = codeOf(() => resolve({ client: 'oracle' }, 'catalog'));
    expect(error.code).toBe('DB_UNSUPPORTED_CLIENT');
    expect(error.pluginId).toBe('catalog');
    expect(error.configPath).toBe('backend.database.client');
    expect(error.message).toContain('oracle');
    expect(error.message).toContain("'catalog'");
  });

  it('DB-025: an unknown per-plugin client names backend.database.plugin.<id>.client', () => {
    const error = codeOf(() =>
      resolve({ ...pg, plugin: { search: { client: 'mssql' } } }, 'search'),
    );
    expect(error.code).toBe('DB_UNSUPPORTED_CLIENT');
    expect(error.configPath).toBe('backend.database.plugin.search.client');
    expect(error.message).toContain('backend.database.plugin.search.client');
  });

  it('DB-026: a server client without connection fails naming plugin and backend.database.connection', () => {
    const error = codeOf(() => resolve({ client: 'pg' }, 'todo'));
    expect(error.code).toBe('DB_MISSING_CONNECTION');
    expect(error.pluginId).toBe('todo');
    expect(error.message).toContain('backend.database.connection');
  });

  it('DB-041: schema mode with a non-pg client fails naming client and plugin', () => {
    const error = codeOf(() =>
      resolve({ client: 'better-sqlite3', pluginDivisionMode: 'schema' }, 'todo'),
    );
    expect(error.code).toBe('DB_SCHEMA_MODE_UNSUPPORTED');
    expect(error.message).toContain('better-sqlite3');
    expect(error.pluginId).toBe('todo');
  });

  it('DB-042: an unknown division mode names the value and backend.database.pluginDivisionMode', () => {
    const error = codeOf(() => resolve({ ...pg, pluginDivisionMode: 'table' }, 'todo'));
    expect(error.code).toBe('DB_INVALID_DIVISION_MODE');
    expect(error.configPath).toBe('backend.database.pluginDivisionMode');
    expect(error.message).toContain('table');
  });

  it('DB-036/DB-038/DB-043/DB-048: defaults for prefix, division mode, ensureExists, ensureSchemaExists', () => {
    const settings = resolve(pg, 'todo');
    expect(settings.prefix).toBe('backstage_plugin_');
    expect(settings.divisionMode).toBe('database');
    expect(settings.ensureExists).toBe(true);
    expect(settings.ensureSchemaExists).toBe(false);
    expect(settings.skipMigrations).toBe(false);
  });

  it('DB-027: a connection string becomes the equivalent object', () => {
    expect(resolve(pg, 'todo').connection).toEqual({
      host: 'db.internal',
      port: 5432,
      user: 'app',
      password: 's3cret',
      database: 'base',
    });
  });

  it('DB-051: per-plugin values win for every overridable key', () => {
    const settings = resolve(
      {
        ...pg,
        ensureExists: true,
        ensureSchemaExists: false,
        role: 'base_role',
        skipMigrations: false,
        plugin: {
          todo: {
            ensureExists: false,
            ensureSchemaExists: true,
            role: 'todo_role',
            skipMigrations: true,
          },
        },
      },
      'todo',
    );
    expect(settings).toMatchObject({
      ensureExists: false,
      ensureSchemaExists: true,
      role: 'todo_role',
      skipMigrations: true,
    });
  });

  it('DB-052: a plugin with another client ignores the base connection', () => {
    const settings = resolve(
      {
        ...pg,
        plugin: { docs: { client: 'better-sqlite3', connection: { directory: '/tmp/x' } } },
      },
      'docs',
    );
    expect(settings.connection).toEqual({ directory: '/tmp/x' });
    expect(settings.connectionPath).toBe('backend.database.plugin.docs.connection');
  });

  it('DB-053: with the same client, the plugin connection is merged key by key over the base', () => {
    const settings = resolve(
      { ...pg, plugin: { todo: { connection: { host: 'other', port: 6543 } } } },
      'todo',
    );
    expect(settings.connection).toEqual({
      host: 'other',
      port: 6543,
      user: 'app',
      password: 's3cret',
      database: 'base',
    });
    expect(settings.databaseFromPluginConnection).toBe(false);
  });

  it('DB-037: a database named in the plugin connection is flagged for use instead of <prefix><pluginId>', () => {
    const settings = resolve(
      { ...pg, plugin: { todo: { connection: { database: 'legacy' } } } },
      'todo',
    );
    expect(settings.databaseFromPluginConnection).toBe(true);
    expect(settings.connection['database']).toBe('legacy');
  });

  it('DB-054: knexConfig is deep-merged with the plugin winning at every level', () => {
    const settings = resolve(
      {
        ...pg,
        knexConfig: { pool: { min: 0, max: 10 }, acquireConnectionTimeout: 1000 },
        plugin: { search: { knexConfig: { pool: { max: 20 } } } },
      },
      'search',
    );
    expect(settings.knexConfig).toEqual({
      pool: { min: 0, max: 20 },
      acquireConnectionTimeout: 1000,
    });
  });

  it('DB-056: overrides of one plugin do not change another plugin', () => {
    const config = {
      ...pg,
      knexConfig: { pool: { max: 10 } },
      plugin: {
        search: {
          client: 'better-sqlite3',
          knexConfig: { pool: { max: 1 } },
          skipMigrations: true,
        },
      },
    };
    const other = resolve(config, 'catalog');
    expect(other.client).toBe('pg');
    expect(other.knexConfig).toEqual({ pool: { max: 10 } });
    expect(other.skipMigrations).toBe(false);
    expect(other.connection['host']).toBe('db.internal');
  });
});
