/**
 * The errors of the permissions service (spec/docs/services/permissions.md, "Errors"), shaped
 * like the entries of `src/errors/errorCatalog.ts` so they can move there unchanged.
 */
export type PermissionsErrorCode = 'PERM_BACKEND_ERROR' | 'PERM_INVALID_RESPONSE';

type Details = { url: string; status?: number; reason?: string };

const catalog: Record<
  PermissionsErrorCode,
  { requirement: string; message: (d: Details) => string; hint: string }
> = {
  PERM_BACKEND_ERROR: {
    requirement: 'PERM-056',
    message: (d) =>
      `The permission backend at ${d.url} answered with status ${d.status}${d.reason ? `: ${d.reason}` : ''}`,
    hint: "Check that the permission plugin is installed, reachable under the URL discovery returns for 'permission', and that its policy does not throw.",
  },
  PERM_INVALID_RESPONSE: {
    requirement: 'PERM-057',
    message: (d) => `Invalid answer from the permission backend at ${d.url}: ${d.reason}`,
    hint: 'Run a permission plugin whose API version matches this backend; check proxies that could rewrite the answer.',
  },
};

/** An error of the permissions service, narrowable by `code`. */
export class PermissionsError extends Error {
  override readonly name = 'PermissionsError';
  readonly code: PermissionsErrorCode;
  readonly requirement: string;
  readonly hint: string;
  /** The HTTP status of the permission backend's answer, for `PERM_BACKEND_ERROR`. */
  readonly status: number | undefined;

  constructor(code: PermissionsErrorCode, details: Details, options?: { cause?: unknown }) {
    const entry = catalog[code];
    super(`${entry.message(details)} [${code}, ${entry.requirement}]`, options);
    this.code = code;
    this.requirement = entry.requirement;
    this.hint = entry.hint;
    this.status = details.status;
  }
}
