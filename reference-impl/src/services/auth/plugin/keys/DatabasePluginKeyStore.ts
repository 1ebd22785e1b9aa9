import { loadJose } from '../../loadJose.js';
import { randomUUID } from 'node:crypto';
import type { DatabaseService, JsonObject, LoggerService } from '@openstage/spec';
import type { Knex } from 'knex';
import { AuthServiceError } from '../../AuthServiceError.js';
import type { PluginKeyStore, SigningKey } from './PluginKeyStore.js';
import {
  PUBLIC_KEYS_MIGRATIONS_TABLE,
  PUBLIC_KEYS_TABLE,
  publicKeysMigrationSource,
} from './publicKeysMigrationSource.js';

/** Options of {@link DatabasePluginKeyStore}. */
export interface DatabasePluginKeyStoreOptions {
  pluginId: string;
  database: DatabaseService;
  logger: LoggerService;
  /** How long one key pair signs (AUTH-114). Default 3600 seconds. */
  keyDurationSeconds?: number;
  /** Injected for tests; defaults to `Date.now`. */
  now?: () => number;
}

interface Row {
  id: string;
  key: string;
  expires_at: string | Date;
}

const ALGORITHM = 'ES256';

/**
 * The `database` key store (AUTH-110 to AUTH-119): each replica generates its own ES256 key
 * pairs, publishes the public halves in the plugin's own database before using them, rotates
 * them every hour and keeps listing each public key for three signing periods, so tokens from
 * any replica verify against the key set that any replica serves (SPLIT-013).
 */
export class DatabasePluginKeyStore implements PluginKeyStore {
  readonly #pluginId: string;
  readonly #database: DatabaseService;
  readonly #logger: LoggerService;
  readonly #durationMs: number;
  readonly #now: () => number;
  #client: Promise<Knex> | undefined;
  #current: { promise: Promise<SigningKey>; signUntil: number } | undefined;

  constructor(options: DatabasePluginKeyStoreOptions) {
    this.#pluginId = options.pluginId;
    this.#database = options.database;
    this.#logger = options.logger;
    this.#durationMs = (options.keyDurationSeconds ?? 3600) * 1000;
    this.#now = options.now ?? Date.now;
  }

  getSigningKey(): Promise<SigningKey> {
    const now = this.#now();
    if (this.#current !== undefined && now < this.#current.signUntil) {
      return this.#current.promise;
    }
    const promise = this.#generate(now);
    const current = { promise, signUntil: now + this.#durationMs };
    this.#current = current;
    // A failed generation must not stick: the next call tries again (AUTH-119).
    promise.catch(() => {
      if (this.#current === current) this.#current = undefined;
    });
    return promise;
  }

  async listPublicKeys(): Promise<JsonObject[]> {
    let rows: Row[];
    try {
      const client = await this.#getClient();
      rows = await client<Row>(PUBLIC_KEYS_TABLE).select('id', 'key', 'expires_at');
    } catch (error) {
      throw new AuthServiceError(
        'AUTH_SIGNING_KEY_UNAVAILABLE',
        { pluginId: this.#pluginId, operation: 'list' },
        { cause: error },
      );
    }
    const now = this.#now();
    const valid: JsonObject[] = [];
    const expired: string[] = [];
    for (const row of rows) {
      if (new Date(row.expires_at).getTime() <= now) {
        expired.push(row.id);
      } else {
        valid.push(JSON.parse(row.key) as JsonObject);
      }
    }
    if (expired.length > 0) await this.#prune(expired);
    return valid;
  }

  async #generate(now: number): Promise<SigningKey> {
    const kid = randomUUID();
    try {
      const { exportJWK, generateKeyPair } = await loadJose();
      const { publicKey, privateKey } = await generateKeyPair(ALGORITHM);
      const jwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM };
      const client = await this.#getClient();
      // Stored before first use (AUTH-113) and listed for three signing periods (AUTH-116).
      await client(PUBLIC_KEYS_TABLE).insert({
        id: kid,
        key: JSON.stringify(jwk),
        expires_at: new Date(now + 3 * this.#durationMs).toISOString(),
      });
      this.#logger.info(`Created new signing key ${kid} for plugin '${this.#pluginId}'`);
      return { kid, alg: ALGORITHM, key: privateKey };
    } catch (error) {
      this.#logger.error(
        `Failed to create a signing key for plugin '${this.#pluginId}'`,
        toLoggable(error),
      );
      throw new AuthServiceError(
        'AUTH_SIGNING_KEY_UNAVAILABLE',
        { pluginId: this.#pluginId, operation: 'store' },
        { cause: error },
      );
    }
  }

  async #prune(ids: string[]): Promise<void> {
    // Lazy clean-up, rare (once per expired key); replicas may race to delete the same rows,
    // which is harmless, and a failure only leaves rows that are filtered out anyway.
    try {
      const client = await this.#getClient();
      await client(PUBLIC_KEYS_TABLE).delete().whereIn('id', ids);
    } catch (error) {
      this.#logger.warn(
        `Failed to remove expired public keys of plugin '${this.#pluginId}'`,
        toLoggable(error),
      );
    }
  }

  #getClient(): Promise<Knex> {
    if (this.#client === undefined) {
      const client = this.#connect();
      this.#client = client;
      client.catch(() => {
        if (this.#client === client) this.#client = undefined;
      });
    }
    return this.#client;
  }

  async #connect(): Promise<Knex> {
    const client = (await this.#database.getClient()) as Knex;
    if (this.#database.migrations?.skip !== true) {
      await client.migrate.latest({
        migrationSource: publicKeysMigrationSource,
        tableName: PUBLIC_KEYS_MIGRATIONS_TABLE,
        // Tolerate later migrations applied by a newer implementation sharing the table.
        disableMigrationsListValidation: true,
      });
    }
    return client;
  }
}

function toLoggable(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
