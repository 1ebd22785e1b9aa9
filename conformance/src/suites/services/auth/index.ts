import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { equal, ok, rejects } from '../../../harness/assert.js';
import type { Handler, HttpRouterLike } from '../http.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { call, callSync } from '../serviceCall.js';
import { cookieTests } from './cookieTests.js';
import { foreignIssuer } from './foreignIssuer.js';

const AUTH = 'core.auth';
const HTTP_AUTH = 'core.httpAuth';

interface Credentials {
  principal: { type: string; subject?: string };
}
interface AuthLike {
  authenticate(token: string, options?: unknown): Promise<Credentials>;
  isPrincipal(credentials: unknown, type: string): boolean;
  getNoneCredentials(): Promise<Credentials>;
  getOwnServiceCredentials(): Promise<Credentials>;
  getPluginRequestToken(options: {
    onBehalfOf: unknown;
    targetPluginId: string;
  }): Promise<{ token: string }>;
}

/** `error` is an AuthenticationError (by name, AUTH-057) whose message does not hold `token`. */
function isAuthenticationError(error: unknown, token: string, what: string): void {
  ok(
    error instanceof Error && error.name === 'AuthenticationError',
    `${what}: expected an AuthenticationError, received ${String(error)}`,
  );
  ok(!error.message.includes(token), `${what}: the error message holds the token (AUTH-058)`);
}

const authTest = (test: Omit<ConformanceTest, 'chapter'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-auth' });

/** The contract suites of `core.auth` and `core.httpAuth`. */
export const authTests: readonly ConformanceTest[] = [
  authTest({
    id: 'service-auth/plugin-token-roundtrip',
    service: AUTH,
    requirements: ['AUTH-023', 'AUTH-025', 'AUTH-026', 'AUTH-028', 'AUTH-093'],
    description:
      "a plugin token issued for another plugin authenticates there as the issuer's service principal",
    timeoutMs: 5000,
    async run(ctx) {
      const sb = await serviceBackend(ctx, AUTH, {
        probes: [
          { pluginId: 'caller', services: [AUTH] },
          { pluginId: 'verifier', services: [AUTH] },
        ],
      });
      const caller = instance<AuthLike>(sb, 'caller', AUTH);
      const verifier = instance<AuthLike>(sb, 'verifier', AUTH);
      const none = await call(() => caller.getNoneCredentials());
      equal(none.principal.type, 'none', 'principal type of getNoneCredentials()');
      const own = await call(() => caller.getOwnServiceCredentials());
      equal(own.principal.subject, 'plugin:caller', 'subject of getOwnServiceCredentials()');
      // AUTH-023: true for the principal's own type, false for the other two.
      for (const [credentials, name, actual] of [
        [own, 'own', 'service'],
        [none, 'none', 'none'],
      ] as const)
        for (const type of ['user', 'service', 'none'])
          equal(
            callSync(() => caller.isPrincipal(credentials, type)),
            type === actual,
            `isPrincipal(${name}, '${type}')`,
          );
      const { token } = await call(() =>
        caller.getPluginRequestToken({ onBehalfOf: own, targetPluginId: 'verifier' }),
      );
      const verified = await call(() => verifier.authenticate(token));
      equal(verified.principal.type, 'service', 'principal type of the verified token');
      equal(verified.principal.subject, 'plugin:caller', 'subject of the verified token');
    },
  }),
  authTest({
    id: 'service-auth/forged-and-expired-rejected',
    service: AUTH,
    requirements: ['AUTH-021', 'AUTH-022', 'AUTH-050', 'AUTH-051', 'AUTH-057', 'AUTH-058'],
    description:
      "a foreign issuer's valid token is accepted; expired, wrongly signed, tampered and garbage tokens are refused",
    timeoutMs: 5000,
    async run(ctx) {
      const issuer = await foreignIssuer('foreign');
      try {
        const sb = await serviceBackend(ctx, AUTH, {
          config: issuer.config,
          probes: [{ pluginId: 'verifier', services: [AUTH] }],
        });
        const verifier = instance<AuthLike>(sb, 'verifier', AUTH);
        const now = Math.floor(Date.now() / 1000);
        const claims = { sub: 'foreign', aud: 'verifier', iat: now, exp: now + 600 };
        const valid = await call(() => verifier.authenticate(issuer.token(claims)));
        equal(valid.principal.subject, 'plugin:foreign', 'subject of a valid foreign token');
        const good = issuer.token(claims);
        const [header, , signature] = good.split('.');
        const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'other' })).toString('base64url')}.${signature}`;
        const refused: [string, string][] = [
          ['expired two hours ago', issuer.token({ ...claims, iat: now - 7800, exp: now - 7200 })],
          ['signed with an unpublished key', issuer.token(claims, { published: false })],
          ['tampered payload', tampered],
          ['garbage', 'conformance-not-a-token'],
        ];
        for (const [what, token] of refused) {
          const error = await rejects('service', () => call(() => verifier.authenticate(token)));
          isAuthenticationError(error, token, what);
        }
      } finally {
        await issuer.close();
      }
    },
  }),
  authTest({
    id: 'service-auth/http-credentials',
    service: HTTP_AUTH,
    requirements: ['HAUTH-002', 'HAUTH-010', 'HAUTH-016', 'HAUTH-017', 'HAUTH-018'],
    description:
      'httpAuth.credentials(req) is none without a token, rejects an invalid token, and yields the service principal of a valid one',
    timeoutMs: 5000,
    async run(ctx) {
      const sb = await serviceBackend(ctx, HTTP_AUTH, {
        probes: [
          { pluginId: 'caller', services: [AUTH] },
          {
            pluginId: 'routes',
            services: [HTTP_AUTH, 'core.httpRouter'],
            init: (deps) => {
              const httpAuth = deps[HTTP_AUTH] as {
                credentials(req: unknown): Promise<Credentials>;
              };
              const router = deps['core.httpRouter'] as HttpRouterLike;
              router.addAuthPolicy({ path: '/whoami', allow: 'unauthenticated' });
              router.use(((req, res) => {
                httpAuth.credentials(req).then(
                  (c) => res.end(`${c.principal.type}:${c.principal.subject ?? ''}`),
                  (e: unknown) => res.end(`rejected:${e instanceof Error ? e.name : String(e)}`),
                );
              }) as Handler);
            },
          },
        ],
      });
      const url = `${sb.baseUrl}/api/routes/whoami`;
      const ask = async (authorization?: string) =>
        (await fetch(url, authorization ? { headers: { authorization } } : {})).text();
      equal(await ask(), 'none:', 'credentials of a request without a token');
      equal(await ask('Basic abc'), 'none:', 'credentials of a non-bearer Authorization header');
      equal(await ask('Bearer garbage'), 'rejected:AuthenticationError', 'invalid bearer token');
      const caller = instance<AuthLike>(sb, 'caller', AUTH);
      const own = await call(() => caller.getOwnServiceCredentials());
      const { token } = await call(() =>
        caller.getPluginRequestToken({ onBehalfOf: own, targetPluginId: 'routes' }),
      );
      equal(await ask(`Bearer ${token}`), 'service:plugin:caller', 'valid plugin token');
    },
  }),
  ...cookieTests,
];
