import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { equal, ok } from '../../../harness/assert.js';
import type { Handler, HttpRouterLike } from '../http.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { call } from '../serviceCall.js';
import { userIssuer } from './userIssuer.js';

const AUTH = 'core.auth';
const HTTP_AUTH = 'core.httpAuth';
const USER = 'user:default/conformance';

interface Credentials {
  principal: { type: string; subject?: string; userEntityRef?: string };
}
interface HttpAuthLike {
  credentials(req: unknown, options?: { allowLimitedAccess?: boolean }): Promise<Credentials>;
  issueUserCookie(res: unknown): Promise<{ expiresAt: Date }>;
}
interface AuthLike {
  getOwnServiceCredentials(): Promise<Credentials>;
  getPluginRequestToken(options: {
    onBehalfOf: unknown;
    targetPluginId: string;
  }): Promise<{ token: string }>;
}

const describePrincipal = (c: Credentials) =>
  `${c.principal.type}:${c.principal.userEntityRef ?? c.principal.subject ?? ''}`;
const describeError = (e: unknown) => `rejected:${e instanceof Error ? e.name : String(e)}`;

/**
 * The routes of the probe plugin `cookies`: `/issue` calls `issueUserCookie(res)` and answers its
 * `expiresAt`; `/limited` and `/strict` answer the principal that `credentials` finds with and
 * without `allowLimitedAccess`.
 */
function cookieRoutes(deps: Record<string, unknown>): void {
  const httpAuth = deps[HTTP_AUTH] as HttpAuthLike;
  const router = deps['core.httpRouter'] as HttpRouterLike;
  router.addAuthPolicy({ path: '/issue', allow: 'unauthenticated' });
  router.addAuthPolicy({ path: '/strict', allow: 'unauthenticated' });
  router.addAuthPolicy({ path: '/limited', allow: 'user-cookie' });
  router.use(((req, res) => {
    const answer = (work: Promise<string>) =>
      work.then(
        (text) => res.end(text),
        (e: unknown) => res.end(describeError(e)),
      );
    if (req.url.startsWith('/issue'))
      void answer(
        httpAuth
          .issueUserCookie(res)
          .then(({ expiresAt }) => `expiresAt:${expiresAt.toISOString()}`),
      );
    else if (req.url.startsWith('/limited'))
      void answer(httpAuth.credentials(req, { allowLimitedAccess: true }).then(describePrincipal));
    else void answer(httpAuth.credentials(req).then(describePrincipal));
  }) as Handler);
}

/** The attributes of a `Set-Cookie` header, by lower-cased name (`''` for flags). */
function cookieAttributes(header: string): {
  name: string;
  value: string;
  attrs: Map<string, string>;
} {
  const [pair = '', ...rest] = header.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  const attrs = new Map<string, string>();
  for (const attr of rest) {
    const i = attr.indexOf('=');
    attrs.set((i < 0 ? attr : attr.slice(0, i)).toLowerCase(), i < 0 ? '' : attr.slice(i + 1));
  }
  return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attrs };
}

/** The `backstage-auth` cookie tests of `core.httpAuth`. */
export const cookieTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'service-auth/user-cookie',
    chapter: 'service-auth',
    service: HTTP_AUTH,
    profile: 'default',
    requirements: [
      'HAUTH-003',
      'HAUTH-012',
      'HAUTH-013',
      'HAUTH-031',
      'HAUTH-032',
      'HAUTH-033',
      'HAUTH-037',
      'HAUTH-038',
      'HAUTH-039',
      'HAUTH-042',
      'HAUTH-043',
      'AUTH-131',
    ],
    description:
      'issueUserCookie sets the backstage-auth cookie holding the limited user token; credentials read it only with allowLimitedAccess',
    timeoutMs: 8000,
    async run(ctx) {
      const issuer = await userIssuer();
      try {
        const sb = await serviceBackend(ctx, HTTP_AUTH, {
          config: issuer.config,
          probes: [
            { pluginId: 'caller', services: [AUTH] },
            { pluginId: 'cookies', services: [HTTP_AUTH, 'core.httpRouter'], init: cookieRoutes },
          ],
        });
        const base = `${sb.baseUrl}/api/cookies`;
        const user = issuer.userToken(USER);
        const issued = await fetch(`${base}/issue`, {
          headers: { authorization: `Bearer ${user.token}` },
        });
        const expiresAt = new Date(user.exp * 1000).toISOString();
        equal(
          await issued.text(),
          `expiresAt:${expiresAt}`,
          'issueUserCookie result (HAUTH-003, HAUTH-043)',
        );
        const cookies = issued.headers
          .getSetCookie()
          .map(cookieAttributes)
          .filter((c) => c.name === 'backstage-auth');
        equal(cookies.length, 1, 'backstage-auth cookies set on the response');
        const cookie = cookies[0]!;
        equal(cookie.value, user.limited, 'cookie value: the limited user token (HAUTH-037)');
        ok(cookie.attrs.has('httponly'), 'HttpOnly attribute (HAUTH-038)');
        equal(cookie.attrs.get('path'), '/', 'Path attribute (HAUTH-039)');
        equal(
          cookie.attrs.get('samesite')?.toLowerCase(),
          'lax',
          'SameSite for http on 127.0.0.1 (HAUTH-042)',
        );
        ok(!cookie.attrs.has('secure'), 'no Secure attribute for http on 127.0.0.1 (HAUTH-042)');
        equal(
          new Date(cookie.attrs.get('expires') ?? '').getTime(),
          user.exp * 1000,
          'Expires attribute: the expiry of the limited token (HAUTH-043)',
        );

        const withCookie = { headers: { cookie: `backstage-auth=${cookie.value}` } };
        equal(
          await (await fetch(`${base}/limited`, withCookie)).text(),
          `user:${USER}`,
          'credentials with allowLimitedAccess from the cookie (HAUTH-013, AUTH-131)',
        );
        equal(
          await (await fetch(`${base}/strict`, withCookie)).text(),
          'none:',
          'credentials without allowLimitedAccess ignore the cookie (HAUTH-012)',
        );

        equal(
          await (await fetch(`${base}/issue`)).text(),
          'rejected:AuthenticationError',
          'issueUserCookie for a request without a token (HAUTH-032)',
        );
        const caller = instance<AuthLike>(sb, 'caller', AUTH);
        const own = await call(() => caller.getOwnServiceCredentials());
        const { token } = await call(() =>
          caller.getPluginRequestToken({ onBehalfOf: own, targetPluginId: 'cookies' }),
        );
        equal(
          await (
            await fetch(`${base}/issue`, { headers: { authorization: `Bearer ${token}` } })
          ).text(),
          'rejected:NotAllowedError',
          'issueUserCookie for a service principal (HAUTH-033)',
        );
      } finally {
        await issuer.close();
      }
    },
  }),
];
