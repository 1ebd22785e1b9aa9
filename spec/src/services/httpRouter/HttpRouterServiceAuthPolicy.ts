/**
 * An exception to the default credentials check of a plugin's routes.
 *
 * **When to use**: with `httpRouter.addAuthPolicy`, to open a path to unauthenticated callers or
 * to accept cookie-based user credentials on it.
 *
 * **Details**: by default every route requires user or service credentials. `'unauthenticated'`
 * lets any request through; `'user-cookie'` also accepts limited user credentials from the
 * auth cookie. `path` is relative to the plugin's base path and matches as a prefix.
 *
 * @requirement HTTP-007
 * @requirement HTTP-008
 * @see {@link HttpRouterService}
 * @category services
 * @since 0.1.0
 */
export interface HttpRouterServiceAuthPolicy {
  /** The path prefix, relative to the plugin's base path, that the policy applies to. */
  path: string;
  /** What the policy allows. */
  allow: 'unauthenticated' | 'user-cookie';
}
