import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import type { PluginDatabaseSettings } from '../resolvePluginDatabaseSettings.js';
import type { Connector } from './Connector.js';
import { withAfterCreate } from './withAfterCreate.js';

/** The subset of a better-sqlite3 connection used here. */
interface SqliteConnection {
  pragma(source: string): unknown;
}

function filenameOf(settings: PluginDatabaseSettings): string {
  const { directory, filename } = settings.connection;
  if (typeof directory === 'string') return join(directory, `${settings.pluginId}.sqlite`);
  // DB-057: `:memory:` gives each plugin its own database because each plugin has its own client.
  return typeof filename === 'string' ? filename : ':memory:';
}

/**
 * SQLite through better-sqlite3 (clients `better-sqlite3` and `sqlite3`): one in-memory database
 * or one file `<directory>/<pluginId>.sqlite` per plugin (DB-058). There is no server, so nothing
 * is created up front.
 */
export const sqliteConnector: Connector = {
  targetName: filenameOf,
  knexConfig(settings) {
    const { directory, filename: _filename, ...rest } = settings.connection;
    // DB-059: the directory and its missing parents are created.
    if (typeof directory === 'string') mkdirSync(directory, { recursive: true });
    const config: Knex.Config = {
      ...settings.knexConfig,
      client: 'better-sqlite3',
      useNullAsDefault: true,
      connection: { ...rest, filename: filenameOf(settings) },
    };
    return withAfterCreate(config, (connection) => {
      (connection as SqliteConnection).pragma('foreign_keys = ON');
    });
  },
};
