import type { Config } from '@openstage/spec';
import { DatabaseError } from './DatabaseError.js';
import { isPlainObject, mergeDeep } from './mergeDeep.js';
import { parseConnectionString } from './parseConnectionString.js';

/** The driver family behind a client value; each family has one connector. */
export type DatabaseClientFamily = 'pg' | 'mysql' | 'sqlite';

/**
 * Accepted client values (DB-022) and the family that serves them. `sqlite3` and `mysql` are
 * served by the `better-sqlite3` and `mysql2` drivers, which speak the same SQL dialects; the
 * `sqlite3` and `mysql` npm packages are not dependencies of the reference implementation.
 */
const clientFamilies: Readonly<Record<string, DatabaseClientFamily>> = {
  pg: 'pg',
  'better-sqlite3': 'sqlite',
  sqlite3: 'sqlite',
  mysql: 'mysql',
  mysql2: 'mysql',
};

/** Everything the connectors need to build one plugin's client, with every default applied. */
export interface PluginDatabaseSettings {
  readonly pluginId: string;
  /** The effective client value, as configured. */
  readonly client: string;
  readonly family: DatabaseClientFamily;
  /** Where `client` was read from. */
  readonly clientPath: string;
  /** The effective connection in object form; empty when none is configured. */
  readonly connection: Record<string, unknown>;
  /** Where the connection was read from, for error messages (DB-031). */
  readonly connectionPath: string;
  readonly divisionMode: 'database' | 'schema';
  readonly prefix: string;
  /** Whether the plugin's own connection names a database (DB-037). */
  readonly databaseFromPluginConnection: boolean;
  readonly ensureExists: boolean;
  readonly ensureSchemaExists: boolean;
  readonly role: string | undefined;
  readonly knexConfig: Record<string, unknown>;
  readonly skipMigrations: boolean;
}

const BASE = 'backend.database';

/** The in-memory SQLite default of DB-021, used when `backend.database` is absent. */
const defaultDatabaseConfig: Record<string, unknown> = {
  client: 'better-sqlite3',
  connection: ':memory:',
};

/** Reads `backend.database`, or the default of DB-021 when it is absent. */
export function readDatabaseConfig(config: Config): Record<string, unknown> {
  const value = config.getOptional<unknown>(BASE);
  return isPlainObject(value) ? value : defaultDatabaseConfig;
}

/** Reads `backend.database.pluginDivisionMode` (DB-038, DB-042). */
export function readDivisionMode(database: Record<string, unknown>): 'database' | 'schema' {
  const mode = database['pluginDivisionMode'] ?? 'database';
  if (mode !== 'database' && mode !== 'schema') {
    throw new DatabaseError('DB_INVALID_DIVISION_MODE', {
      configPath: `${BASE}.pluginDivisionMode`,
      mode: String(JSON.stringify(mode)),
    });
  }
  return mode;
}

function normaliseConnection(
  family: DatabaseClientFamily,
  value: unknown,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    return family === 'sqlite' ? { filename: value } : parseConnectionString(value);
  }
  return isPlainObject(value) ? { ...value } : undefined;
}

function optionalBoolean(pluginValue: unknown, baseValue: unknown, fallback: boolean): boolean {
  if (typeof pluginValue === 'boolean') return pluginValue;
  if (typeof baseValue === 'boolean') return baseValue;
  return fallback;
}

/**
 * Applies the per-plugin overrides of `backend.database.plugin.<pluginId>` over the base settings
 * (DB-051 to DB-056) and checks what can be checked without a server: the client (DB-024),
 * the division mode (DB-041, DB-042) and the presence of a connection (DB-026).
 */
export function resolvePluginDatabaseSettings(
  database: Record<string, unknown>,
  pluginId: string,
): PluginDatabaseSettings {
  const pluginPath = `${BASE}.plugin.${pluginId}`;
  const plugins = database['plugin'];
  const rawOverride = isPlainObject(plugins) ? plugins[pluginId] : undefined;
  const override = isPlainObject(rawOverride) ? rawOverride : {};

  const baseClient = database['client'];
  const pluginClient = override['client'];
  const client = pluginClient ?? baseClient;
  const clientPath = pluginClient !== undefined ? `${pluginPath}.client` : `${BASE}.client`;
  const family = typeof client === 'string' ? clientFamilies[client] : undefined;
  if (family === undefined) {
    throw new DatabaseError('DB_UNSUPPORTED_CLIENT', {
      pluginId,
      configPath: clientPath,
      client: String(JSON.stringify(client)),
      supported: Object.keys(clientFamilies),
    });
  }
  const clientName = client as string;

  const divisionMode = readDivisionMode(database);
  if (divisionMode === 'schema' && family !== 'pg') {
    throw new DatabaseError('DB_SCHEMA_MODE_UNSUPPORTED', {
      pluginId,
      configPath: clientPath,
      client: clientName,
      modePath: `${BASE}.pluginDivisionMode`,
    });
  }

  // DB-052/053: the base connection only applies to plugins that keep the base client.
  const sameClient = pluginClient === undefined || pluginClient === baseClient;
  const pluginConnection = normaliseConnection(family, override['connection']);
  const baseConnection = sameClient
    ? normaliseConnection(family, database['connection'])
    : undefined;
  const connection = mergeConnections(baseConnection, pluginConnection);
  const connectionPath =
    override['connection'] !== undefined ? `${pluginPath}.connection` : `${BASE}.connection`;
  if (family !== 'sqlite' && connection === undefined) {
    throw new DatabaseError('DB_MISSING_CONNECTION', {
      pluginId,
      configPath: `${BASE}.connection`,
      client: clientName,
      pluginConfigPath: `${pluginPath}.connection`,
    });
  }

  // The `type` the merged connection holds comes from the plugin's own connection when that sets
  // one, else from the base connection (DB-053).
  const ownConnection = override['connection'];
  const typePath =
    isPlainObject(ownConnection) && 'type' in ownConnection
      ? `${pluginPath}.connection.type`
      : `${BASE}.connection.type`;
  const clientConnection = connection && withoutConnectionType(connection, pluginId, typePath);

  const role = override['role'] ?? database['role'];
  const prefix = database['prefix'];
  return {
    pluginId,
    client: clientName,
    family,
    clientPath,
    connection: clientConnection ?? {},
    connectionPath,
    divisionMode,
    prefix: typeof prefix === 'string' ? prefix : 'backstage_plugin_',
    databaseFromPluginConnection: typeof pluginConnection?.['database'] === 'string',
    ensureExists: optionalBoolean(override['ensureExists'], database['ensureExists'], true),
    ensureSchemaExists: optionalBoolean(
      override['ensureSchemaExists'],
      database['ensureSchemaExists'],
      false,
    ),
    role: typeof role === 'string' ? role : undefined,
    knexConfig: mergeDeep(
      isPlainObject(database['knexConfig']) ? database['knexConfig'] : undefined,
      isPlainObject(override['knexConfig']) ? override['knexConfig'] : undefined,
    ),
    skipMigrations: optionalBoolean(override['skipMigrations'], database['skipMigrations'], false),
  };
}

/**
 * The credential providers of the connection `type` field (DB-028) this implementation offers:
 * only `default`, which hands the settings to the client as they are. Cloud providers (`azure`,
 * `cloudsql`, `rds`) need their vendors' SDKs, which are not dependencies of the reference
 * implementation.
 */
const CONNECTION_TYPES: readonly string[] = ['default'];

/**
 * Applies the connection `type` field: a connection without `type` is `type: default` (DB-029),
 * and `default` passes every other setting to the client unchanged. A type naming a provider this
 * implementation does not offer is refused, naming the plugin and the config path (DB-075).
 */
function withoutConnectionType(
  connection: Record<string, unknown>,
  pluginId: string,
  typePath: string,
): Record<string, unknown> {
  if (!('type' in connection)) return connection;
  const { type, ...settings } = connection;
  if (typeof type === 'string' && CONNECTION_TYPES.includes(type)) return settings;
  throw new DatabaseError('DB_UNSUPPORTED_CONNECTION_TYPE', {
    pluginId,
    configPath: typePath,
    type: String(JSON.stringify(type)),
    supported: [...CONNECTION_TYPES],
  });
}

/** DB-053 merges connections key by key (one level), unlike knexConfig, which merges deeply. */
function mergeConnections(
  base: Record<string, unknown> | undefined,
  override: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (base === undefined && override === undefined) return undefined;
  return { ...base, ...override };
}
