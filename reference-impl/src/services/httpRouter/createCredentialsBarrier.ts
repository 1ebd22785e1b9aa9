import type { HttpAuthService } from '@openstage/spec';
import type { RequestHandler } from 'express';

/** The part of the `httpAuth` service the barrier uses. */
export type CredentialsCheck = Pick<HttpAuthService, 'credentials'>;

/** The barrier's handle: the middleware and how policies are added to it. */
export interface CredentialsBarrier {
  readonly middleware: RequestHandler;
  /** Adds an already validated policy; it applies to requests received from then on. */
  addPolicy(allow: 'unauthenticated' | 'user-cookie', matches: (path: string) => boolean): void;
}

/**
 * The default-deny credentials barrier of a plugin router (HTTP-022 to HTTP-029).
 *
 * **Details**: a request whose path matches an `unauthenticated` policy passes without any check
 * (HTTP-024, HTTP-028); every other request needs user or service credentials from `httpAuth`,
 * which also accepts limited user tokens and the auth cookie on paths of a `user-cookie` policy
 * (HTTP-023, HTTP-025). `httpAuth` rejects with the error that the error handler turns into 401
 * (or 403). With `disabled`, everything passes (HTTP-029).
 */
export function createCredentialsBarrier(options: {
  httpAuth: CredentialsCheck;
  disabled: boolean;
}): CredentialsBarrier {
  const { httpAuth, disabled } = options;
  const unauthenticated: Array<(path: string) => boolean> = [];
  const cookie: Array<(path: string) => boolean> = [];
  const allowed = ['user', 'service'] as Array<'user' | 'service'>;
  const strict = { allow: allowed, allowLimitedAccess: false };
  const limited = { allow: allowed, allowLimitedAccess: true };
  const middleware: RequestHandler = (req, _res, next) => {
    if (disabled) {
      next();
      return;
    }
    let checkOptions = strict;
    if (unauthenticated.length > 0 || cookie.length > 0) {
      const path = req.path;
      for (let i = 0; i < unauthenticated.length; i++) {
        if (unauthenticated[i]!(path)) {
          next();
          return;
        }
      }
      for (let i = 0; i < cookie.length; i++) {
        if (cookie[i]!(path)) {
          checkOptions = limited;
          break;
        }
      }
    }
    httpAuth.credentials(req, checkOptions).then(() => next(), next);
  };
  return {
    middleware,
    addPolicy(allow, matches) {
      (allow === 'unauthenticated' ? unauthenticated : cookie).push(matches);
    },
  };
}
