import type { BackstageCredentials } from '../credentials/BackstageCredentials.js';
import type { BackstageNonePrincipal } from '../credentials/BackstageNonePrincipal.js';
import type { BackstagePrincipalAccessRestrictions } from '../credentials/BackstagePrincipalAccessRestrictions.js';
import type { BackstageServicePrincipal } from '../credentials/BackstageServicePrincipal.js';
import type { BackstageUserPrincipal } from '../credentials/BackstageUserPrincipal.js';
import type { MockServiceTokenOptions } from './MockServiceTokenOptions.js';

/**
 * The type of a test kit's `mockCredentials` object: credentials, and the mock tokens, headers
 * and cookies that the mock `auth` and `httpAuth` services accept for them.
 *
 * **When to use**: to call a test backend's routes as a given user or service, and to compare the
 * credentials a plugin received.
 *
 * **Details**: the token strings are fixed (`mock-user-token`, `mock-none-token`, ...), so test
 * kits and runtimes agree on them. Entity refs must have the form `<kind>:<namespace>/<name>`;
 * the user helpers throw a `TypeError` otherwise.
 *
 * @example
 * ```ts
 * await request(backend.server)
 *   .get('/api/todo/items')
 *   .set('Authorization', mockCredentials.user.header('user:default/jane'));
 * ```
 *
 * @requirement TEST-121
 * @requirement TEST-122
 * @requirement TEST-123
 * @requirement TEST-124
 * @requirement TEST-125
 * @requirement TEST-126
 * @requirement TEST-127
 * @requirement TEST-128
 * @requirement TEST-129
 * @requirement TEST-130
 * @requirement TEST-131
 * @requirement TEST-132
 * @requirement TEST-133
 * @requirement TEST-134
 * @requirement TEST-135
 * @requirement TEST-136
 * @requirement TEST-137
 * @requirement TEST-138
 * @requirement TEST-139
 * @requirement TEST-140
 * @requirement TEST-141
 * @see {@link MockServices}
 * @category testing
 * @since 0.1.0
 */
export interface MockCredentials {
  /** Credentials of an unauthenticated caller. */
  none: (() => BackstageCredentials<BackstageNonePrincipal>) & {
    /** `Bearer mock-none-token`. */
    header: () => string;
  };
  /** Credentials of a user, `user:default/mock` by default. */
  user: ((userEntityRef?: string) => BackstageCredentials<BackstageUserPrincipal>) & {
    /** `mock-user-token`, or `mock-user-token:{"sub":"<ref>"}` for a given ref. */
    token: (userEntityRef?: string) => string;
    /** `Bearer ` followed by the token. */
    header: (userEntityRef?: string) => string;
    /** `mock-invalid-user-token`. */
    invalidToken: () => string;
    /** `Bearer mock-invalid-user-token`. */
    invalidHeader: () => string;
  };
  /** Credentials of a user holding a limited token, such as the auth cookie. */
  limitedUser: ((userEntityRef?: string) => BackstageCredentials<BackstageUserPrincipal>) & {
    /** `mock-limited-user-token:{"sub":"<ref>"}`. */
    token: (userEntityRef?: string) => string;
    /** `backstage-auth=` followed by the token. */
    cookie: (userEntityRef?: string) => string;
    /** `mock-invalid-limited-user-token`. */
    invalidToken: () => string;
    /** `backstage-auth=mock-invalid-limited-user-token`. */
    invalidCookie: () => string;
  };
  /** Credentials of a service, `external:test-service` by default. */
  service: ((
    subject?: string,
    accessRestrictions?: BackstagePrincipalAccessRestrictions,
  ) => BackstageCredentials<BackstageServicePrincipal>) & {
    /** `mock-service-token`, or `mock-service-token:{...}` for the given options. */
    token: (options?: MockServiceTokenOptions) => string;
    /** `Bearer ` followed by the token. */
    header: (options?: MockServiceTokenOptions) => string;
    /** `mock-invalid-service-token`. */
    invalidToken: () => string;
    /** `Bearer mock-invalid-service-token`. */
    invalidHeader: () => string;
  };
}
