import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorDetails } from '../../errors/errorCatalog.js';

/** The codes of the permissions registry (spec/docs/services/permissions-registry.md). */
export type PermissionsRegistryErrorCode =
  | 'PREG_ADD_AFTER_START'
  | 'PREG_RESOURCE_PLUGIN_MISMATCH'
  | 'PREG_DUPLICATE_RESOURCE_TYPE'
  | 'PREG_DUPLICATE_RULE'
  | 'PREG_UNKNOWN_RULE'
  | 'PREG_INVALID_REQUEST'
  | 'PREG_UNKNOWN_RESOURCE_TYPE'
  | 'PREG_RESOURCES_UNAVAILABLE'
  | 'PREG_INVALID_RULE_PARAMS';

/**
 * An error of the permissions registry, narrowable by `code`. Its entries live in the error
 * catalog; route errors are named `InputError` or `NotImplementedError` there, which the HTTP
 * error handler answers with 400 and 501 (RHTTP-067).
 */
export class PermissionsRegistryError<
  C extends PermissionsRegistryErrorCode = PermissionsRegistryErrorCode,
> extends OpenstageError<C> {
  readonly resourceType: string | undefined;

  constructor(code: C, details: ErrorDetails<C>) {
    super(code, details);
    this.resourceType = (details as { resourceType?: string }).resourceType;
  }
}
