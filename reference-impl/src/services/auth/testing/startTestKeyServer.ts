import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DiscoveryService } from '@openstage/spec';

/** What a route answers: a JSON body, or a bare status. */
export type TestRouteAnswer = { status?: number; body?: unknown };
export type TestRoute = (req: IncomingMessage) => TestRouteAnswer | Promise<TestRouteAnswer>;

/** A real HTTP server on 127.0.0.1 that stands in for plugins' and issuers' key endpoints. */
export interface TestKeyServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Discovery that resolves every plugin id to `<origin>/api/<pluginId>`. */
  readonly discovery: DiscoveryService;
  /** Answers GET `path` with `route`; replaces an earlier route for the same path. */
  route(path: string, route: TestRoute): void;
  /** How many requests each path received. */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

/** Starts a {@link TestKeyServer} on a free port; close it in `afterAll`/`afterEach`. */
export async function startTestKeyServer(): Promise<TestKeyServer> {
  const routes = new Map<string, TestRoute>();
  const hits = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (route === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    Promise.resolve(route(req)).then(
      ({ status = 200, body }) => {
        res.statusCode = status;
        if (body === undefined) {
          res.end();
        } else {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(body));
        }
      },
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    hits,
    discovery: {
      getBaseUrl: async (pluginId) => `${origin}/api/${pluginId}`,
      getExternalBaseUrl: async (pluginId) => `${origin}/api/${pluginId}`,
    },
    route(path, route) {
      routes.set(path, route);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
