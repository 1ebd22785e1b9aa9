/**
 * A ceiling reference for the HTTP scenario: the benchmarked route's JSON served by plain
 * express or by raw `node:http`, with nothing else on the path.
 *
 *   node dist/child/ceilingChild.js <express|node-http>
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { PING_PAYLOAD, PUBLIC_ROUTE } from '../fixtures/createBenchPlugins.js';
import { report } from './report.js';

const kind = process.argv[2];
let server: Server;
if (kind === 'express') {
  const app = express();
  app.get(PUBLIC_ROUTE, (_req, res) => {
    res.json(PING_PAYLOAD);
  });
  server = createServer(app);
} else if (kind === 'node-http') {
  server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === PUBLIC_ROUTE) {
      const body = JSON.stringify(PING_PAYLOAD);
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    } else {
      res.writeHead(404).end();
    }
  });
} else {
  throw new Error(`ceilingChild: unknown server "${kind}": expected "express" or "node-http".`);
}
server.listen(0, '127.0.0.1', () => {
  report({ type: 'serving', port: (server.address() as AddressInfo).port });
});
