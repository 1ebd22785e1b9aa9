import type { BackstageCredentials } from './BackstageCredentials.js';

/**
 * The complete run-time shape of a credentials object made by the `auth` or `httpAuth` service or
 * by a test kit.
 *
 * **When to use**: in implementations of those services and of test kits.
 *
 * **Details**: adds `version: 'v1'` to {@link BackstageCredentials}. The raw token, when there is
 * one, sits in a non-enumerable `token` property and `toString` is non-enumerable too, so neither
 * `JSON.stringify` nor `Object.keys` reveals the token. Neither is declared here, because only
 * the service that created the object reads them.
 *
 * @requirement FEAT-104
 * @requirement FEAT-106
 * @requirement FEAT-107
 * @requirement FEAT-108
 * @see {@link BackstageCredentials}
 * @category credentials
 * @since 0.1.0
 */
export type BackstageCredentialsWire<TPrincipal = unknown> = BackstageCredentials<TPrincipal> & {
  /** The credentials format version, `'v1'`. */
  version: 'v1';
};
