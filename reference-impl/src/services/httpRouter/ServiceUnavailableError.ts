/**
 * A request the plugin cannot serve right now; the error handlers answer it with 503 because of
 * its name (RHTTP-067), as with Backstage's error class of the same name.
 */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
}
