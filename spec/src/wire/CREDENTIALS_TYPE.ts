/**
 * The `$$type` tag of a credentials object: `'@backstage/BackstageCredentials'`.
 *
 * **When to use**: when the `auth` or `httpAuth` service, or a test kit, creates credentials.
 *
 * **Details**: credentials objects carry `version: 'v1'` as well; see
 * {@link BackstageCredentialsWire}.
 *
 * @requirement FEAT-104
 * @see {@link BackstageCredentials}
 * @category wire-format
 * @since 0.1.0
 */
export const CREDENTIALS_TYPE = '@backstage/BackstageCredentials' as const;
