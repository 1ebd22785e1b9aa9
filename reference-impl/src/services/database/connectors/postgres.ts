import type { Knex } from 'knex';
import { connectionFailedError, createFailedError } from '../DatabaseError.js';
import type { PluginDatabaseSettings } from '../resolvePluginDatabaseSettings.js';
import type { Connector } from './Connector.js';
import { withAdminClient } from './withAdminClient.js';
import { withAfterCreate } from './withAfterCreate.js';

/** The subset of a `pg` client used to switch roles. */
interface PgConnection {
  query(sql: string): Promise<unknown>;
}

/** SQLSTATE codes that mean another process created the same database first. */
const alreadyCreated = new Set(['42P04', '23505']);

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function databaseName(settings: PluginDatabaseSettings): string {
  const configured = settings.connection['database'];
  if (settings.divisionMode === 'database') {
    // DB-035/037: the plugin's own connection may name its database; otherwise <prefix><pluginId>.
    return settings.databaseFromPluginConnection && typeof configured === 'string'
      ? configured
      : `${settings.prefix}${settings.pluginId}`;
  }
  // DB-039: in schema mode the plugin lives in the base connection's database.
  return typeof configured === 'string' ? configured : 'postgres';
}

/**
 * PostgreSQL: one database per plugin, or one schema per plugin in `schema` mode, with the
 * search path set to it (DB-039, DB-040) and an optional role (DB-055).
 */
export const postgresConnector: Connector = {
  targetName(settings) {
    return settings.divisionMode === 'schema' ? settings.pluginId : databaseName(settings);
  },

  async ensureDatabase(settings, name) {
    // The maintenance database is the one the base connection names, else `postgres`.
    const adminDatabase = settings.connection['database'];
    const config: Knex.Config = {
      ...settings.knexConfig,
      client: 'pg',
      connection: {
        ...settings.connection,
        database:
          typeof adminDatabase === 'string' && adminDatabase !== name ? adminDatabase : 'postgres',
      },
    };
    await withAdminClient(config, async (admin) => {
      let exists: boolean;
      try {
        const rows = await admin('pg_database').where('datname', name).select('datname');
        exists = rows.length > 0;
      } catch (error) {
        throw connectionFailedError(settings, error);
      }
      if (exists) return;
      try {
        await admin.raw(`CREATE DATABASE ${quoteIdentifier(name)}`);
      } catch (error) {
        if (alreadyCreated.has(String((error as { code?: unknown }).code))) return;
        throw createFailedError(settings, 'database', name, error);
      }
    });
  },

  knexConfig(settings, name) {
    const schemaMode = settings.divisionMode === 'schema';
    const config: Knex.Config = {
      ...settings.knexConfig,
      client: 'pg',
      connection: { ...settings.connection, database: databaseName(settings) },
      ...(schemaMode ? { searchPath: [name] } : {}),
    };
    const role = settings.role;
    if (role === undefined) return config;
    return withAfterCreate(config, async (connection) => {
      await (connection as PgConnection).query(`SET ROLE ${quoteIdentifier(role)}`);
    });
  },

  async ensureSchema(client, settings, name) {
    try {
      await client.raw(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(name)}`);
    } catch (error) {
      // Concurrent creation by another backend instance is not a failure.
      if (alreadyCreated.has(String((error as { code?: unknown }).code))) return;
      throw createFailedError(settings, 'schema', name, error);
    }
  },
};
