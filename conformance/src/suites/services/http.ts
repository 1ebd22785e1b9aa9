import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** The slice of an Express-compatible request and response that suite handlers use. */
export type Handler = (
  req: IncomingMessage & { url: string },
  res: ServerResponse,
  next: (error?: unknown) => void,
) => unknown;

/** The plugin router interface (spec/docs/services/http-router.md). */
export interface HttpRouterLike {
  use(handler: unknown): void;
  addAuthPolicy(policy: { path: unknown; allow: unknown }): void;
}

/** A local HTTP server for a test, counting the requests it received; closed with `close()`. */
export async function localServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; port: number; requests: IncomingMessage[]; close(): Promise<void> }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
