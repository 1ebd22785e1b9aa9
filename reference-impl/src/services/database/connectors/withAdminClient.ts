import type { Knex } from 'knex';

/**
 * Runs `work` on a short-lived client with a single connection, used to look for and create a
 * plugin's database from outside it, and always destroys that client afterwards.
 */
export async function withAdminClient<T>(
  config: Knex.Config,
  work: (admin: Knex) => Promise<T>,
): Promise<T> {
  // Loaded on first use, like the plugin clients: startup does not pay for knex.
  const { default: knexFactory } = await import('knex');
  const admin = knexFactory({ ...config, pool: { min: 0, max: 1 } });
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}
