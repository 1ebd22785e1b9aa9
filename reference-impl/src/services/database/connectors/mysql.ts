import type { Knex } from 'knex';
import { connectionFailedError, createFailedError } from '../DatabaseError.js';
import type { PluginDatabaseSettings } from '../resolvePluginDatabaseSettings.js';
import type { Connector } from './Connector.js';
import { withAdminClient } from './withAdminClient.js';

function databaseName(settings: PluginDatabaseSettings): string {
  const configured = settings.connection['database'];
  return settings.databaseFromPluginConnection && typeof configured === 'string'
    ? configured
    : `${settings.prefix}${settings.pluginId}`;
}

/** MySQL and MariaDB through mysql2 (clients `mysql` and `mysql2`): one database per plugin. */
export const mysqlConnector: Connector = {
  targetName: databaseName,

  async ensureDatabase(settings, name) {
    const { database: _database, ...serverConnection } = settings.connection;
    const config: Knex.Config = {
      ...settings.knexConfig,
      client: 'mysql2',
      connection: serverConnection,
    };
    await withAdminClient(config, async (admin) => {
      let exists: boolean;
      try {
        const rows = await admin('information_schema.schemata')
          .where('schema_name', name)
          .select('schema_name');
        exists = rows.length > 0;
      } catch (error) {
        throw connectionFailedError(settings, error);
      }
      if (exists) return;
      try {
        // IF NOT EXISTS: another backend instance may create it between the check and here.
        await admin.raw('CREATE DATABASE IF NOT EXISTS ??', [name]);
      } catch (error) {
        throw createFailedError(settings, 'database', name, error);
      }
    });
  },

  knexConfig(settings, name) {
    return {
      ...settings.knexConfig,
      client: 'mysql2',
      connection: { ...settings.connection, database: name },
    };
  },
};
