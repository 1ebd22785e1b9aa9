import type { IncomingMessage } from 'node:http';
import { localServer } from '../http.js';

/** One item of the `/authorize` request body (PERM-051). */
export interface AuthorizeItem {
  id?: unknown;
  permission?: { name?: unknown };
}

/** A request the fake `permission` plugin received, with its parsed body. */
export interface ReceivedAuthorize {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  items: AuthorizeItem[];
}

/**
 * How the fake plugin answers one `/authorize` request: a status and a body, computed from the
 * items it received.
 */
export type AuthorizeAnswer = (items: AuthorizeItem[]) => { status: number; body: unknown };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local stand-in for the `permission` plugin's `/authorize` route, under
 * `<url>/api/permission`; `answer` decides each response, `received` records each request.
 */
export async function permissionServer(answer: AuthorizeAnswer) {
  const received: ReceivedAuthorize[] = [];
  const server = await localServer((req, res) => {
    void readBody(req).then((text) => {
      let items: AuthorizeItem[] = [];
      try {
        const parsed = JSON.parse(text) as { items?: unknown };
        if (Array.isArray(parsed.items)) items = parsed.items as AuthorizeItem[];
      } catch {
        // A body that is not JSON is recorded with no items; the test's assertions name it.
      }
      received.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        items,
      });
      const { status, body } = answer(items);
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    });
  });
  return { ...server, base: `${server.url}/api/permission`, received };
}
