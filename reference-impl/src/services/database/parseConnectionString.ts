/**
 * Turns a server connection string (`postgresql://user:pass@host:5432/db?ssl=true`,
 * `mysql://root@host:3306/db`) into the object form Knex's drivers accept, so that a plugin's
 * connection can be merged key by key over the base connection (DB-053) and its database replaced
 * (DB-035). Query parameters are kept as they are, except `true`/`false`, which become booleans.
 */
export function parseConnectionString(value: string): Record<string, unknown> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Not a URL: some drivers accept other string forms; let the driver judge it.
    return { connectionString: value };
  }
  const result: Record<string, unknown> = {};
  if (url.hostname) result['host'] = decodeURIComponent(url.hostname);
  if (url.port) result['port'] = Number(url.port);
  if (url.username) result['user'] = decodeURIComponent(url.username);
  if (url.password) result['password'] = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database) result['database'] = database;
  for (const [key, raw] of url.searchParams) {
    result[key] = raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  return result;
}
