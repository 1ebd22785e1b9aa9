import { OpenstageError } from '../../errors/OpenstageError.js';
import type { ErrorDetails } from '../../errors/errorCatalog.js';

/** The codes of the default discovery service (spec/docs/services/discovery.md, "Errors"). */
export type DiscoveryErrorCode =
  | 'DISC_BASE_URL_MISSING'
  | 'DISC_BASE_URL_INVALID'
  | 'DISC_INVALID_ENDPOINT'
  | 'DISC_SRV_NOT_ALLOWED'
  | 'DISC_SRV_INVALID_URL'
  | 'DISC_SRV_RESOLUTION_FAILED';

/** The details of `code`, where the `backend.baseUrl` codes may leave out the path they name. */
type DiscoveryDetails<C extends DiscoveryErrorCode> = C extends `DISC_BASE_URL_${string}`
  ? Omit<ErrorDetails<C>, 'configPath'> & { configPath?: string }
  : ErrorDetails<C>;

/** An error of the default discovery service, narrowable by `code`; entries live in the catalog. */
export class DiscoveryError<
  C extends DiscoveryErrorCode = DiscoveryErrorCode,
> extends OpenstageError<C> {
  override readonly name = 'DiscoveryError';
  /** The SRV record name, for `DISC_SRV_RESOLUTION_FAILED`. */
  readonly recordName: string | undefined;

  constructor(
    code: C,
    details: DiscoveryDetails<C> = {} as DiscoveryDetails<C>,
    options?: { cause?: unknown },
  ) {
    const withPath = code.startsWith('DISC_BASE_URL')
      ? { configPath: 'backend.baseUrl', ...details }
      : details;
    // The conditional type above only widens `configPath`; the object is the code's details.
    super(code, withPath as ErrorDetails<C>, options);
    this.recordName = (details as { recordName?: string }).recordName;
  }
}
