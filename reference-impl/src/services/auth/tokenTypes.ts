/** The JWS `typ` header values that tell Backstage token kinds apart (AUTH-040 to AUTH-042). */
export const tokenTypes = {
  plugin: 'vnd.backstage.plugin',
  user: 'vnd.backstage.user',
  limitedUser: 'vnd.backstage.limited-user',
  /** The `aud` claim of user tokens, and of older user tokens without a `typ` (AUTH-043). */
  userAudience: 'backstage',
} as const;
