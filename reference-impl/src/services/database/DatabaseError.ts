import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../../errors/errorCatalog.js';

/** The catalog codes the database service raises (spec/docs/services/database.md, "Errors"). */
export type DatabaseErrorCode = Extract<ErrorCode, `DB_${string}`>;

/** The codes of configuration mistakes, which the service collects across plugins (DB-023). */
export type DatabaseConfigErrorCode = Exclude<
  DatabaseErrorCode,
  'DB_CONNECTION_FAILED' | 'DB_CREATE_FAILED'
>;

/**
 * The culprit fields of a database error with code `C`: the plugin (absent for backend-wide
 * problems), the config key the offending value was read from, and the offending value.
 */
export type DatabaseErrorDetails<C extends DatabaseErrorCode = DatabaseErrorCode> = ErrorDetails<C>;

/**
 * An error of the database service, narrowable by `code`. Its requirement, hint and message
 * template come from the error catalog (`src/errors/errorCatalog.ts`), which names the plugin and
 * config path given in `details`.
 */
export class DatabaseError<
  C extends DatabaseErrorCode = DatabaseErrorCode,
> extends OpenstageError<C> {
  override readonly name = 'DatabaseError';

  constructor(code: C, details: DatabaseErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
  }
}

/** The parts of a plugin's settings that connection errors name. */
interface ConnectionContext {
  readonly pluginId: string;
  readonly connectionPath: string;
  readonly connection: Record<string, unknown>;
}

const secretKey = /pass|secret|token|key/i;

/**
 * Removes every secret value of the connection from `text` (DB-032). Driver messages normally
 * leave passwords out, but a connection string echoed back by a driver would not.
 */
export function redactSecrets(text: string, connection: Record<string, unknown>): string {
  let result = text;
  for (const [key, value] of Object.entries(connection)) {
    if (secretKey.test(key) && typeof value === 'string' && value.length > 0) {
      result = result.split(value).join('***');
    }
  }
  return result;
}

function causeText(cause: unknown, context: ConnectionContext): string {
  const text = cause instanceof Error ? cause.message || cause.name : String(cause);
  return redactSecrets(text, context.connection);
}

/** DB-030/031: the server of a plugin could not be reached or refused the login. */
export function connectionFailedError(context: ConnectionContext, cause: unknown): DatabaseError {
  return new DatabaseError(
    'DB_CONNECTION_FAILED',
    {
      pluginId: context.pluginId,
      configPath: context.connectionPath,
      reason: causeText(cause, context),
    },
    { cause },
  );
}

/** DB-047: creating the plugin's database or schema failed. */
export function createFailedError(
  context: ConnectionContext,
  kind: 'database' | 'schema',
  name: string,
  cause: unknown,
): DatabaseError {
  return new DatabaseError(
    'DB_CREATE_FAILED',
    {
      pluginId: context.pluginId,
      configPath: context.connectionPath,
      kind,
      name,
      reason: causeText(cause, context),
    },
    { cause },
  );
}
