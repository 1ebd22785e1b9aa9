import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves a Docusaurus build the way a static host does with `trailingSlash: false`: `/spec/x`
 * is `spec/x.html`, `/guides` is `guides.html` or `guides/index.html`, anything else is the
 * site's 404 page with status 404. Listens on 127.0.0.1 and a free port.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const rootDir = path.resolve(root);
  const server = createServer((req, res) => {
    void (async () => {
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const base = path.resolve(rootDir, `.${pathname}`);
      // Refuse anything that resolves outside the build folder (`/../` in the path).
      if (base !== rootDir && !base.startsWith(`${rootDir}${path.sep}`)) {
        res.writeHead(403).end();
        return;
      }
      const candidates = [base, `${base}.html`, path.join(base, 'index.html')];
      let file: string | undefined;
      for (const candidate of candidates) {
        if (await isFile(candidate)) {
          file = candidate;
          break;
        }
      }
      const status = file ? 200 : 404;
      file ??= path.join(rootDir, '404.html');
      res.writeHead(status, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
      createReadStream(file).pipe(res);
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
