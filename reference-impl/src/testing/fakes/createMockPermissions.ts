import type {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  PermissionsService,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@openstage/spec';

/** The fake of `mockServices.permissions({ result })` (TEST-080): one answer for every request. */
export function createMockPermissions(
  options: { result?: 'ALLOW' | 'DENY' } = {},
): PermissionsService {
  const result = options.result ?? 'ALLOW';
  if (result !== 'ALLOW' && result !== 'DENY') {
    throw new TypeError(
      `Invalid mock permissions result ${JSON.stringify(result)}, expected 'ALLOW' or 'DENY'`,
    );
  }
  return {
    authorize: async (
      requests: AuthorizePermissionRequest[],
    ): Promise<AuthorizePermissionResponse[]> => requests.map(() => ({ result })),
    authorizeConditional: async (
      requests: QueryPermissionRequest[],
    ): Promise<QueryPermissionResponse[]> => requests.map(() => ({ result })),
  };
}
