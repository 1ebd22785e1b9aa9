import { randomBytes } from 'node:crypto';
import type {
  TestDatabaseId,
  TestDatabases as TestDatabasesShape,
  TestDatabasesOptions,
} from '@openstage/spec';
import knexFactory, { type Knex } from 'knex';
import { registerAfterAll } from './registerAfterAll.js';
import { TestKitError } from './TestKitError.js';

type Engine = 'sqlite' | 'pg' | 'mysql';

/** Every id the kit knows (TEST-192, TEST-193), with its engine and connection-string variable. */
const KNOWN: ReadonlyArray<{ id: TestDatabaseId; engine: Engine; env?: string }> = [
  { id: 'SQLITE_3', engine: 'sqlite' },
  { id: 'POSTGRES', engine: 'pg', env: 'OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING' },
  { id: 'MYSQL', engine: 'mysql', env: 'OPENSTAGE_TEST_MYSQL_CONNECTION_STRING' },
  ...(['18', '17', '16', '15', '14', '13', '12', '11', '9'] as const).map((n) => ({
    id: `POSTGRES_${n}` as TestDatabaseId,
    engine: 'pg' as const,
    env: `BACKSTAGE_TEST_DATABASE_POSTGRES${n}_CONNECTION_STRING`,
  })),
  { id: 'MYSQL_8', engine: 'mysql', env: 'BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING' },
];

/** The connection string of `id` in this environment, or undefined when it has none. */
export function testDatabaseConnectionString(id: TestDatabaseId): string | undefined {
  const env = KNOWN.find((k) => k.id === id)?.env;
  const value = env === undefined ? undefined : process.env[env];
  return value === undefined || value === '' ? undefined : value;
}

/** The engine and server of a known id. */
export function testDatabaseEngine(id: TestDatabaseId): Engine | undefined {
  return KNOWN.find((k) => k.id === id)?.engine;
}

interface Created {
  client: Knex;
  drop?: () => Promise<void>;
}

/**
 * Fresh, empty databases for tests (TEST-191 to TEST-205): SQLite in memory always, PostgreSQL
 * and MySQL when their connection-string variables are set. Each `init` creates a new logical
 * database, and `shutdown` (or the runner's `afterAll`) drops them all.
 *
 * @example
 * ```ts
 * const databases = TestDatabases.create();
 * it.each(databases.eachSupportedId())('migrates on %s', async (id) => {
 *   const knex = await databases.init(id);
 *   ...
 * });
 * ```
 */
export class TestDatabases implements TestDatabasesShape<Knex> {
  readonly #ids: readonly TestDatabaseId[];
  readonly #created: Created[] = [];
  readonly #unregister: () => void;

  static create<TClient = Knex>(options: TestDatabasesOptions = {}): TestDatabasesShape<TClient> {
    return new TestDatabases(
      options.ids ?? KNOWN.map((k) => k.id),
    ) as unknown as TestDatabasesShape<TClient>;
  }

  private constructor(ids: readonly TestDatabaseId[]) {
    for (const id of ids) {
      if (testDatabaseEngine(id) === undefined)
        throw new TypeError(
          `Unknown test database id '${id}', expected one of ${KNOWN.map((k) => k.id).join(', ')}`,
        );
    }
    this.#ids = ids;
    this.#unregister = registerAfterAll(() => this.#dropAll());
  }

  supports = (id: TestDatabaseId): boolean =>
    this.#ids.includes(id) &&
    (testDatabaseEngine(id) === 'sqlite' || testDatabaseConnectionString(id) !== undefined);

  eachSupportedId = (): Array<[TestDatabaseId]> =>
    this.#ids.filter((id) => this.supports(id)).map((id) => [id]);

  init = async (id: TestDatabaseId): Promise<Knex> => {
    if (!this.supports(id)) {
      const supported = this.#ids.filter((i) => this.supports(i));
      const env = KNOWN.find((k) => k.id === id)?.env;
      throw new TestKitError('TEST_UNSUPPORTED_DATABASE', {
        id,
        supported,
        ...(env === undefined ? {} : { env }),
      });
    }
    const created = await createLogicalDatabase(id);
    this.#created.push(created);
    return created.client;
  };

  shutdown = async (): Promise<void> => {
    this.#unregister();
    await this.#dropAll();
  };

  async #dropAll(): Promise<void> {
    const all = this.#created.splice(0);
    await Promise.all(
      all.map(async ({ client, drop }) => {
        await client.destroy();
        await drop?.();
      }),
    );
  }
}

/** Creates a new, empty logical database for `id` and a client connected to it (TEST-201). */
export async function createLogicalDatabase(
  id: TestDatabaseId,
  name = `openstage_test_${randomBytes(6).toString('hex')}`,
): Promise<Created> {
  const engine = testDatabaseEngine(id);
  if (engine === 'sqlite') {
    return {
      client: knexFactory({
        client: 'better-sqlite3',
        connection: { filename: ':memory:' },
        useNullAsDefault: true,
      }),
    };
  }
  const connection = testDatabaseConnectionString(id)!;
  const client = engine === 'pg' ? 'pg' : 'mysql2';
  const admin = knexFactory({ client, connection, pool: { min: 0, max: 1 } });
  try {
    await admin.raw('CREATE DATABASE ??', [name]);
  } finally {
    await admin.destroy();
  }
  const target = new URL(connection);
  target.pathname = `/${name}`;
  return {
    client: knexFactory({ client, connection: target.toString() }),
    drop: async () => {
      const dropper = knexFactory({ client, connection, pool: { min: 0, max: 1 } });
      try {
        if (engine === 'mysql') {
          await dropper.raw('DROP DATABASE IF EXISTS ??', [name]);
        } else {
          // FORCE (PostgreSQL 13+) ends connections a test leaked; older servers get the plain form.
          await dropper
            .raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name])
            .catch(() => dropper.raw('DROP DATABASE IF EXISTS ??', [name]));
        }
      } finally {
        await dropper.destroy();
      }
    },
  };
}
