import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { equal, ok } from '../../../harness/assert.js';
import { plugin } from '../../../features/index.js';
import { coreRef, instance, serviceBackend } from '../serviceBackend.js';
import { call } from '../serviceCall.js';

const DISCOVERY = 'core.discovery';

interface DiscoveryLike {
  getBaseUrl(pluginId: string): Promise<string>;
  getExternalBaseUrl(pluginId: string): Promise<string>;
}

const discoveryTest = (test: Omit<ConformanceTest, 'chapter' | 'service'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-discovery', service: DISCOVERY });

/** The contract suite of `core.discovery` (spec/docs/services/discovery.md). */
export const discoveryTests: readonly ConformanceTest[] = [
  discoveryTest({
    id: 'service-discovery/base-urls',
    requirements: ['DISC-002', 'DISC-003', 'DISC-004', 'DISC-006', 'DISC-007'],
    description:
      'base URLs are absolute http(s) URLs without a trailing slash, the same from every plugin, for installed and unknown plugins',
    async run(ctx) {
      const sb = await serviceBackend(ctx, DISCOVERY, {
        probes: [
          { pluginId: 'one', services: [DISCOVERY] },
          { pluginId: 'two', services: [DISCOVERY] },
        ],
      });
      const one = instance<DiscoveryLike>(sb, 'one', DISCOVERY);
      const two = instance<DiscoveryLike>(sb, 'two', DISCOVERY);
      for (const target of ['one', 'not-installed']) {
        for (const method of ['getBaseUrl', 'getExternalBaseUrl'] as const) {
          const url = await call(() => one[method](target));
          ok(/^https?:\/\/[^/]/.test(url), `${method}('${target}') is absolute http(s): ${url}`);
          ok(!url.endsWith('/'), `${method}('${target}') has no trailing slash: ${url}`);
          equal(
            await call(() => two[method](target)),
            url,
            `${method}('${target}') from plugin two`,
          );
        }
      }
    },
  }),
  discoveryTest({
    id: 'service-discovery/reaches-plugin-routes',
    requirements: ['DISC-002', 'DISC-005'],
    description: "getBaseUrl(id) + '/<path>' reaches the route the plugin mounted at /<path>",
    async run(ctx) {
      const sb = await serviceBackend(ctx, DISCOVERY, {
        probes: [{ pluginId: 'finder', services: [DISCOVERY] }],
        features: [
          plugin({
            pluginId: 'target',
            deps: { router: coreRef('core.httpRouter') },
            init: ({ router }) => {
              const r = router as {
                use(h: unknown): void;
                addAuthPolicy(p: { path: string; allow: string }): void;
              };
              r.addAuthPolicy({ path: '/ping', allow: 'unauthenticated' });
              r.use((req: { url: string }, res: { end(b: string): void }, next: () => void) =>
                req.url === '/ping' ? res.end('pong') : next(),
              );
            },
          }),
        ],
      });
      const base = await call(() =>
        instance<DiscoveryLike>(sb, 'finder', DISCOVERY).getBaseUrl('target'),
      );
      const response = await fetch(`${base}/ping`);
      equal(response.status, 200, `status of GET ${base}/ping`);
      equal(await response.text(), 'pong', `body of GET ${base}/ping`);
    },
  }),
  discoveryTest({
    id: 'service-discovery/default-internal-url',
    requirements: ['DISC-020', 'DISC-022', 'DISC-027', 'DISC-028'],
    profile: 'default',
    description: 'the default internal URL is http://<listen host>:<port>/api/<encoded plugin id>',
    async run(ctx) {
      const sb = await serviceBackend(ctx, DISCOVERY, {
        probes: [{ pluginId: 'finder', services: [DISCOVERY] }],
      });
      const discovery = instance<DiscoveryLike>(sb, 'finder', DISCOVERY);
      equal(
        await call(() => discovery.getBaseUrl('plugin/beta')),
        `http://127.0.0.1:${sb.port}/api/plugin%2Fbeta`,
        "getBaseUrl('plugin/beta')",
      );
    },
  }),
];
