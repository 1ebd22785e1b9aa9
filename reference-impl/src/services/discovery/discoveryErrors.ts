/**
 * The errors of the default discovery service (spec/docs/services/discovery.md, "Errors"),
 * shaped like the entries of `src/errors/errorCatalog.ts` so they can move there unchanged.
 */
export type DiscoveryErrorCode =
  | 'DISC_BASE_URL_MISSING'
  | 'DISC_BASE_URL_INVALID'
  | 'DISC_INVALID_ENDPOINT'
  | 'DISC_SRV_NOT_ALLOWED'
  | 'DISC_SRV_INVALID_URL'
  | 'DISC_SRV_RESOLUTION_FAILED';

type Details = { configPath?: string; value?: string; reason?: string; recordName?: string };

const catalog: Record<
  DiscoveryErrorCode,
  { requirement: string; message: (d: Details) => string; hint: string }
> = {
  DISC_BASE_URL_MISSING: {
    requirement: 'DISC-030',
    message: () => 'Missing required config value at backend.baseUrl',
    hint: 'Set backend.baseUrl to the URL under which browsers and other clients reach this backend.',
  },
  DISC_BASE_URL_INVALID: {
    requirement: 'DISC-031',
    message: (d) =>
      `Invalid config at backend.baseUrl: ${d.value} is not an absolute http or https URL`,
    hint: 'Write the full URL including the scheme, for example https://backstage.example.com.',
  },
  DISC_INVALID_ENDPOINT: {
    requirement: 'DISC-051',
    message: (d) => `Invalid config at ${d.configPath}: ${d.reason}`,
    hint: 'Give the entry a target (string or { internal, external }) and a plugins list of plugin ids.',
  },
  DISC_SRV_NOT_ALLOWED: {
    requirement: 'DISC-063',
    message: (d) =>
      `Invalid config at ${d.configPath}: SRV resolver URLs cannot be used in the target for external endpoints (${d.value})`,
    hint: 'Move the SRV URL to target.internal and give the plugin a plain external URL, or none to use backend.baseUrl.',
  },
  DISC_SRV_INVALID_URL: {
    requirement: 'DISC-064',
    message: (d) => `Invalid config at ${d.configPath}: SRV target ${d.value} ${d.reason}`,
    hint: 'Remove the port, credentials, query and fragment; the port comes from the SRV record.',
  },
  DISC_SRV_RESOLUTION_FAILED: {
    requirement: 'DISC-065',
    message: (d) => `SRV lookup of ${d.recordName} failed: ${d.reason}`,
    hint: 'Check the record name and the DNS configuration of the host.',
  },
};

/** An error of the default discovery service, narrowable by `code`. */
export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
  readonly code: DiscoveryErrorCode;
  readonly requirement: string;
  readonly hint: string;
  /** The config key at fault, when there is one. */
  readonly configPath: string | undefined;
  /** The SRV record name, for `DISC_SRV_RESOLUTION_FAILED`. */
  readonly recordName: string | undefined;

  constructor(code: DiscoveryErrorCode, details: Details = {}, options?: { cause?: unknown }) {
    const entry = catalog[code];
    super(`${entry.message(details)} [${code}, ${entry.requirement}]`, options);
    this.code = code;
    this.requirement = entry.requirement;
    this.hint = entry.hint;
    this.configPath =
      details.configPath ?? (code.startsWith('DISC_BASE_URL') ? 'backend.baseUrl' : undefined);
    this.recordName = details.recordName;
  }
}
