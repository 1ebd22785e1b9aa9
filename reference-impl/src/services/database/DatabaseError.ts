import type { ErrorCode } from '@openstage/spec';

/** The catalog codes the database service raises (spec/docs/services/database.md, "Errors"). */
export type DatabaseErrorCode = Extract<ErrorCode, `DB_${string}`>;

/** The culprit fields of a database error. */
export interface DatabaseErrorDetails {
  /** The plugin whose database could not be provided; absent for backend-wide problems. */
  pluginId?: string;
  /** The configuration key the offending value was read from. */
  configPath?: string;
}

/**
 * An error of the database service, narrowable by `code`.
 *
 * It lives here rather than in `src/errors/errorCatalog.ts` because the catalog does not yet hold
 * the `DB_*` codes; when it does, this class can be replaced by `OpenstageError` without changing
 * `code`, `pluginId` or `configPath`, which are the stable parts.
 */
export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
  readonly code: DatabaseErrorCode;
  readonly pluginId: string | undefined;
  readonly configPath: string | undefined;

  constructor(
    code: DatabaseErrorCode,
    message: string,
    details: DatabaseErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(`${message} [${code}]`, options);
    this.code = code;
    this.pluginId = details.pluginId;
    this.configPath = details.configPath;
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
    `Could not connect to the database of plugin '${context.pluginId}' using the connection at ${context.connectionPath}: ${causeText(cause, context)}`,
    { pluginId: context.pluginId, configPath: context.connectionPath },
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
    `Could not create ${kind} '${name}' for plugin '${context.pluginId}' (connection at ${context.connectionPath}): ${causeText(cause, context)}`,
    { pluginId: context.pluginId, configPath: context.connectionPath },
    { cause },
  );
}
