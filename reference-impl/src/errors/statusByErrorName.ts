/**
 * The HTTP status an error handler answers for an error that carries no status of its own, by
 * the error's `name` (RHTTP-067). Catalog entries that face HTTP clients name one of these.
 */
export const STATUS_BY_ERROR_NAME: Readonly<Record<string, number>> = {
  NotModifiedError: 304,
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
};
