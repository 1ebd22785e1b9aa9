import type { Knex } from 'knex';
import type { PluginDatabaseSettings } from '../resolvePluginDatabaseSettings.js';

/**
 * What one driver family contributes to building a plugin's client. The manager owns the order
 * (create the database, open the client, check it, create the schema) and the error wrapping of
 * the client check; a connector owns the SQL and driver settings of its family.
 */
export interface Connector {
  /** The name of the plugin's logical database (or schema, in `schema` mode). */
  targetName(settings: PluginDatabaseSettings): string;
  /**
   * Creates the plugin's database when it is missing (DB-044, DB-045). Called only when
   * `ensureExists` is in effect in `database` mode. Rejects with `DB_CONNECTION_FAILED` or
   * `DB_CREATE_FAILED`.
   */
  ensureDatabase?(settings: PluginDatabaseSettings, name: string): Promise<void>;
  /** The Knex configuration of the plugin's own client. */
  knexConfig(settings: PluginDatabaseSettings, name: string): Knex.Config;
  /** Creates the plugin's schema when missing (DB-049); rejects with `DB_CREATE_FAILED`. */
  ensureSchema?(client: Knex, settings: PluginDatabaseSettings, name: string): Promise<void>;
}
