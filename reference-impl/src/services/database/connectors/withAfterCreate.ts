import type { Knex } from 'knex';
import { isPlainObject } from '../mergeDeep.js';

type AfterCreate = (
  connection: unknown,
  done: (error: Error | null, connection: unknown) => void,
) => void;

/**
 * Returns `knexConfig` with `setup` run on every new pooled connection before the pool hands it
 * out, followed by any `pool.afterCreate` the configuration already had. Used for SQLite's
 * foreign keys (DB-060) and PostgreSQL's `SET ROLE` (DB-055).
 */
export function withAfterCreate(
  knexConfig: Knex.Config,
  setup: (connection: unknown) => Promise<void> | void,
): Knex.Config {
  const pool = isPlainObject(knexConfig.pool) ? knexConfig.pool : {};
  const configured = pool['afterCreate'] as AfterCreate | undefined;
  const afterCreate: AfterCreate = (connection, done) => {
    Promise.resolve()
      .then(() => setup(connection))
      .then(
        () => (configured ? configured(connection, done) : done(null, connection)),
        (error: unknown) =>
          done(error instanceof Error ? error : new Error(String(error)), connection),
      );
  };
  return { ...knexConfig, pool: { ...pool, afterCreate } };
}
