import type { ErrorCode, OpenstageError as OpenstageErrorShape } from '@openstage/spec';

/** The catalog codes of the `userInfo` chapter (spec/docs/services/user-info.md, "Errors"). */
export type UserInfoErrorCode = Extract<ErrorCode, `UINFO_${string}`>;

// TODO(lead): move into reference-impl/src/errors/errorCatalog.ts once it takes service codes.
const entries: Record<UserInfoErrorCode, { requirement: string; name: string }> = {
  // Wrong arguments from the calling plugin: 400 in Backstage's error mapping.
  UINFO_NOT_USER: { requirement: 'UINFO-005', name: 'InputError' },
  UINFO_MISSING_TOKEN: { requirement: 'UINFO-010', name: 'InputError' },
  // Problems of the identity provider's tokens or of the auth backend: 500.
  UINFO_INVALID_SUBJECT: { requirement: 'UINFO-011', name: 'Error' },
  UINFO_LOOKUP_FAILED: { requirement: 'UINFO-015', name: 'ResponseError' },
  UINFO_OWNERSHIP_UNRESOLVED: { requirement: 'UINFO-016', name: 'Error' },
  UINFO_OWNERSHIP_INVALID: { requirement: 'UINFO-017', name: 'Error' },
};

/** An error of the `userInfo` service, narrowable by `code`. */
export class UserInfoServiceError<C extends UserInfoErrorCode = UserInfoErrorCode>
  extends Error
  implements OpenstageErrorShape<C>
{
  override readonly name: string;
  readonly code: C;
  readonly requirement: string;
  /** For `UINFO_LOOKUP_FAILED`: the status the auth backend answered with. */
  readonly statusCode?: number;
  /** For `UINFO_LOOKUP_FAILED`: the body of that answer. */
  readonly body?: string;

  constructor(
    code: C,
    message: string,
    details: { cause?: unknown; statusCode?: number; body?: string } = {},
  ) {
    const requirement = entries[code].requirement;
    super(
      `${message} [${code}, ${requirement}]`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = entries[code].name;
    this.code = code;
    this.requirement = requirement;
    if (details.statusCode !== undefined) this.statusCode = details.statusCode;
    if (details.body !== undefined) this.body = details.body;
  }
}
