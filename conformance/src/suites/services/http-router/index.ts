import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { deepEqual, equal, ok, rejects } from '../../../harness/assert.js';
import type { TestContext } from '../../../harness/TestContext.js';
import type { Handler, HttpRouterLike } from '../http.js';
import { instance, serviceBackend, type ServiceBackend } from '../serviceBackend.js';
import { callSync, mustReject } from '../serviceCall.js';

const HTTP_ROUTER = 'core.httpRouter';
const ROOT_HTTP_ROUTER = 'core.rootHttpRouter';

/** A backend whose plugin `routes` answers every path with the path it saw, after `setup`. */
async function routesBackend(
  ctx: TestContext,
  setup: (router: HttpRouterLike, seen: string[]) => void,
): Promise<{ sb: ServiceBackend; seen: string[]; router: HttpRouterLike }> {
  const seen: string[] = [];
  const sb = await serviceBackend(ctx, HTTP_ROUTER, {
    probes: [
      {
        pluginId: 'routes',
        services: [HTTP_ROUTER],
        init: ({ [HTTP_ROUTER]: router }) => setup(router as HttpRouterLike, seen),
      },
    ],
  });
  return { sb, seen, router: instance<HttpRouterLike>(sb, 'routes', HTTP_ROUTER) };
}

const echo: (seen: string[], tag: string) => Handler = (seen, tag) => (req, res) => {
  seen.push(`${tag}:${req.url}`);
  res.end(`${tag}:${req.url}`);
};

const routerTest = (test: Omit<ConformanceTest, 'chapter'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-http-router' });

/** The contract suite of `core.httpRouter` and `core.rootHttpRouter`, over a real socket. */
export const httpRouterTests: readonly ConformanceTest[] = [
  routerTest({
    id: 'service-http-router/plugin-routes',
    service: HTTP_ROUTER,
    requirements: ['HTTP-002', 'HTTP-003', 'HTTP-004', 'HTTP-024'],
    description:
      'handlers receive /api/<pluginId>/... with the path relative to it, tried in the order of use()',
    async run(ctx) {
      const { sb, seen } = await routesBackend(ctx, (router, seen) => {
        router.addAuthPolicy({ path: '/open', allow: 'unauthenticated' });
        router.use(((req, _res, next) => {
          seen.push(`first:${req.url}`);
          next();
        }) as Handler);
        router.use(echo(seen, 'second'));
      });
      const response = await fetch(`${sb.baseUrl}/api/routes/open/deep?q=1`, {
        headers: { authorization: 'Bearer not-a-valid-token' },
      });
      equal(response.status, 200, 'status of GET /api/routes/open/deep with an invalid token');
      equal(await response.text(), 'second:/open/deep?q=1', 'body');
      deepEqual(seen, ['first:/open/deep?q=1', 'second:/open/deep?q=1'], 'handler calls');
    },
  }),
  routerTest({
    id: 'service-http-router/default-deny',
    service: HTTP_ROUTER,
    requirements: ['HTTP-022'],
    description: 'a request without credentials to a path with no auth policy is refused with 401',
    async run(ctx) {
      const { sb, seen } = await routesBackend(ctx, (router, seen) => {
        router.addAuthPolicy({ path: '/open', allow: 'unauthenticated' });
        router.use(echo(seen, 'handler'));
      });
      const response = await fetch(`${sb.baseUrl}/api/routes/closed`);
      equal(response.status, 401, 'status of GET /api/routes/closed without credentials');
      deepEqual(seen, [], 'handler calls');
      const forged = await fetch(`${sb.baseUrl}/api/routes/closed`, {
        headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
      });
      equal(forged.status, 401, 'status with an unsigned token');
      deepEqual(seen, [], 'handler calls');
    },
  }),
  routerTest({
    id: 'service-http-router/late-use-and-policy',
    service: HTTP_ROUTER,
    requirements: ['HTTP-006'],
    description: 'use() and addAuthPolicy() called after startup apply to later requests',
    async run(ctx) {
      const { sb, seen, router } = await routesBackend(ctx, () => undefined);
      callSync(() => router.addAuthPolicy({ path: '/late', allow: 'unauthenticated' }));
      callSync(() => router.use(echo(seen, 'late')));
      const response = await fetch(`${sb.baseUrl}/api/routes/late`);
      equal(response.status, 200, 'status of GET /api/routes/late');
      deepEqual(seen, ['late:/late'], 'handler calls');
    },
  }),
  routerTest({
    id: 'service-http-router/invalid-arguments',
    service: HTTP_ROUTER,
    requirements: ['HTTP-005', 'HTTP-007', 'HTTP-008'],
    description: 'use() of a non-function and addAuthPolicy() of a bad allow or path fail',
    async run(ctx) {
      const { router } = await routesBackend(ctx, () => undefined);
      // Each error names the plugin id and, for a policy, the culprit value (HTTP-005/007/008).
      for (const [what, action, names] of [
        ['use(42)', () => router.use(42), ['routes']],
        [
          "allow 'everyone'",
          () => router.addAuthPolicy({ path: '/x', allow: 'everyone' }),
          ['routes', 'everyone'],
        ],
        [
          "path 'no-slash'",
          () => router.addAuthPolicy({ path: 'no-slash', allow: 'unauthenticated' }),
          ['routes', 'no-slash'],
        ],
      ] as const) {
        const error = await mustReject(what, action);
        ok(error instanceof Error, `${what} fails with an Error`);
        for (const name of names)
          ok(
            error.message.includes(name),
            `${what}: the message names '${name}': ${error.message}`,
          );
      }
    },
  }),
  routerTest({
    id: 'service-http-router/root-use',
    service: ROOT_HTTP_ROUTER,
    requirements: ['RHTTP-002', 'RHTTP-003', 'RHTTP-004', 'RHTTP-007'],
    description:
      'rootHttpRouter.use mounts a handler that sees paths relative to its mount path, even after start',
    async run(ctx) {
      const sb = await serviceBackend(ctx, ROOT_HTTP_ROUTER, {
        probes: [{ pluginId: 'mounter', services: [ROOT_HTTP_ROUTER] }],
      });
      const root = instance<{ use(path: string, handler: unknown): void }>(
        sb,
        'mounter',
        ROOT_HTTP_ROUTER,
      );
      const seen: string[] = [];
      callSync(() => root.use('/conformance-root', echo(seen, 'root')));
      const response = await fetch(`${sb.baseUrl}/conformance-root/a/b`);
      equal(response.status, 200, 'status of GET /conformance-root/a/b');
      deepEqual(seen, ['root:/a/b'], 'handler calls');
      const error = await rejects('service', () =>
        callSync(() => root.use(' / ', echo(seen, 'x'))),
      );
      ok(error instanceof Error, 'use() of a blank path fails with an Error');
    },
  }),
];
