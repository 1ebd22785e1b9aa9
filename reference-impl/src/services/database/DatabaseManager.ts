import type { Knex } from 'knex';
import type { Config, DatabaseService, LoggerService, RootLifecycleService } from '@openstage/spec';
import type { Connector } from './connectors/Connector.js';
import { mysqlConnector } from './connectors/mysql.js';
import { postgresConnector } from './connectors/postgres.js';
import { sqliteConnector } from './connectors/sqlite.js';
import {
  DatabaseError,
  connectionFailedError,
  type DatabaseConfigErrorCode,
  type DatabaseErrorDetails,
} from './DatabaseError.js';
import {
  readDatabaseConfig,
  readDivisionMode,
  resolvePluginDatabaseSettings,
  type DatabaseClientFamily,
  type PluginDatabaseSettings,
} from './resolvePluginDatabaseSettings.js';

const connectors: Readonly<Record<DatabaseClientFamily, Connector>> = {
  pg: postgresConnector,
  mysql: mysqlConnector,
  sqlite: sqliteConnector,
};

/** Options of {@link DatabaseManager.fromConfig}. */
export interface DatabaseManagerOptions {
  /** When given, every client is destroyed in its root shutdown phase (DB-061, DB-062). */
  rootLifecycle?: Pick<RootLifecycleService, 'addShutdownHook'>;
  /** Receives a debug line per created client; never any connection secret. */
  logger?: LoggerService;
}

/**
 * The root context of the database service: reads `backend.database` once, builds at most one
 * Knex client per plugin (DB-033), creates missing databases and schemas, and destroys every
 * client it built at root shutdown.
 */
export class DatabaseManager {
  readonly #database: Record<string, unknown>;
  readonly #logger: LoggerService | undefined;
  readonly #clients = new Map<string, Promise<Knex>>();
  readonly #settings = new Map<string, PluginDatabaseSettings>();
  #destroyed = false;

  /**
   * Reads the configuration and checks it for every plugin that has overrides, so a wrong client,
   * division mode or missing connection fails before any plugin initialises (DB-063).
   */
  static fromConfig(config: Config, options: DatabaseManagerOptions = {}): DatabaseManager {
    const manager = new DatabaseManager(readDatabaseConfig(config), options.logger);
    manager.#checkConfiguredPlugins();
    options.rootLifecycle?.addShutdownHook(() => manager.destroy());
    return manager;
  }

  private constructor(database: Record<string, unknown>, logger: LoggerService | undefined) {
    this.#database = database;
    this.#logger = logger;
  }

  /** The `database` service of one plugin; its modules get the same one (DB-013). */
  forPlugin(pluginId: string): DatabaseService<Knex> {
    // Settings are resolved lazily too, so a plugin without overrides still fails no later than
    // its first getClient() call (DB-024, DB-026, DB-041) with its own id in the error.
    let skip: boolean | undefined;
    try {
      skip = this.#settingsFor(pluginId).skipMigrations;
    } catch {
      skip = undefined;
    }
    return {
      getClient: () => this.#clientFor(pluginId),
      ...(skip === true ? { migrations: { skip: true } } : {}),
    };
  }

  /** Destroys every client this manager built, releasing their connections (DB-061). */
  async destroy(): Promise<void> {
    this.#destroyed = true;
    const pending = [...this.#clients.values()];
    this.#clients.clear();
    await Promise.all(
      pending.map(async (client) => {
        try {
          await (await client).destroy();
        } catch {
          // A client that never connected has nothing to release.
        }
      }),
    );
  }

  #checkConfiguredPlugins(): void {
    readDivisionMode(this.#database);
    const plugins = this.#database['plugin'];
    const pluginIds = typeof plugins === 'object' && plugins !== null ? Object.keys(plugins) : [];
    const problems: DatabaseError[] = [];
    for (const pluginId of pluginIds) {
      try {
        this.#settingsFor(pluginId);
      } catch (error) {
        if (!(error instanceof DatabaseError)) throw error;
        problems.push(error);
      }
    }
    const [first] = problems;
    if (first === undefined) return;
    if (problems.length === 1) throw first;
    // One error, typed by the first problem, that lists every offending plugin.
    // Only configuration errors reach here: resolving settings opens no connection.
    throw new DatabaseError(
      first.code as DatabaseConfigErrorCode,
      {
        ...(first.details as DatabaseErrorDetails<DatabaseConfigErrorCode>),
        problems: problems.map((p) => p.message),
      },
      { cause: new AggregateError(problems) },
    );
  }

  #settingsFor(pluginId: string): PluginDatabaseSettings {
    let settings = this.#settings.get(pluginId);
    if (settings === undefined) {
      settings = resolvePluginDatabaseSettings(this.#database, pluginId);
      this.#settings.set(pluginId, settings);
    }
    return settings;
  }

  #clientFor(pluginId: string): Promise<Knex> {
    const existing = this.#clients.get(pluginId);
    if (existing) return existing;
    if (this.#destroyed) {
      return Promise.reject(
        new Error(`The database service has shut down; no client for plugin '${pluginId}'`),
      );
    }
    const created = this.#connect(pluginId);
    this.#clients.set(pluginId, created);
    // A failed attempt is forgotten so a later call can retry once the server is back.
    created.catch(() => {
      if (this.#clients.get(pluginId) === created) this.#clients.delete(pluginId);
    });
    return created;
  }

  /**
   * Knex prints its own warnings (such as each failed connection attempt) to the console; they go
   * to the service's logger at debug level instead, since the failures surface as errors anyway.
   * A `log` given in knexConfig still wins.
   */
  #withKnexLog(settings: PluginDatabaseSettings): PluginDatabaseSettings {
    const logger = this.#logger;
    const forward = (message: unknown): void =>
      logger?.debug(`knex: ${String(message)}`, { plugin: settings.pluginId });
    const log = { warn: forward, error: forward, deprecate: forward, debug: forward };
    return { ...settings, knexConfig: { log, ...settings.knexConfig } };
  }

  async #connect(pluginId: string): Promise<Knex> {
    const settings = this.#withKnexLog(this.#settingsFor(pluginId));
    const connector = connectors[settings.family];
    const name = connector.targetName(settings);
    if (settings.divisionMode === 'database' && settings.ensureExists) {
      await connector.ensureDatabase?.(settings, name);
    }
    // Loaded on first use: a backend whose plugins never ask for a database does not pay for knex.
    const { default: knexFactory } = await import('knex');
    const client = knexFactory(connector.knexConfig(settings, name));
    try {
      // DB-030: prove the connection works now rather than at the plugin's first query.
      try {
        await client.raw('select 1');
      } catch (error) {
        throw connectionFailedError(settings, error);
      }
      if (
        settings.divisionMode === 'schema' &&
        (settings.ensureExists || settings.ensureSchemaExists)
      ) {
        await connector.ensureSchema?.(client, settings, name);
      }
    } catch (error) {
      await client.destroy().catch(() => undefined);
      throw error;
    }
    this.#logger?.debug(`Database client ready for plugin '${pluginId}'`, {
      plugin: pluginId,
      client: settings.client,
      target: name,
    });
    return client;
  }
}
