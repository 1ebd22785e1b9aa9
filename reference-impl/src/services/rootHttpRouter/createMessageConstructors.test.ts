import { execFileSync } from 'node:child_process';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createMessageConstructors } from './createMessageConstructors.js';

describe('createMessageConstructors', () => {
  it("makes Node's requests and responses with the app's prototypes", () => {
    const app = express();
    const constructors = createMessageConstructors({
      request: app.request,
      response: app.response,
    });
    expect(constructors).toBeDefined();
    const req = new constructors!.IncomingMessage(new Socket());
    const res = new constructors!.ServerResponse(req);

    expect(Object.getPrototypeOf(req)).toBe(app.request);
    expect(Object.getPrototypeOf(res)).toBe(app.response);
    expect(req).toBeInstanceOf(IncomingMessage);
    expect(res).toBeInstanceOf(ServerResponse);
    // Node's constructors ran on them: their own fields are set.
    expect(req.headers).toEqual({});
    expect(res.statusCode).toBe(200);
    expect(res.req).toBe(req);
    expect(res.headersSent).toBe(false);
  });

  it("leaves Node's classes in place when its constructors are classes, which cannot be called", () => {
    const app = express();
    class Request extends IncomingMessage {}
    class Response extends ServerResponse {}
    const prototypes = { request: app.request, response: app.response };
    expect(
      createMessageConstructors(prototypes, { IncomingMessage: Request, ServerResponse }),
    ).toBeUndefined();
    expect(
      createMessageConstructors(prototypes, {
        IncomingMessage,
        ServerResponse: Response as typeof ServerResponse,
      }),
    ).toBeUndefined();
  });
});

// Hidden classes are only visible to V8's natives syntax, which needs a process of its own. The
// built package is what a deployed backend runs.
const rootHttpRouterEntry = pathToFileURL(
  fileURLToPath(new URL('../../../dist/bundle/services/rootHttpRouter/index.js', import.meta.url)),
).href;

describe('the default root router', () => {
  it('serves concurrent requests whose requests and responses share hidden classes', () => {
    const script = `
      const { createRootHttpRouter } = await import(${JSON.stringify(rootHttpRouterEntry)});
      const noop = () => {};
      const logger = { info: noop, warn: noop, error: noop, debug: noop, child: () => logger };
      const config = {
        getOptional: (key) =>
          key === 'backend.listen' ? { host: '127.0.0.1', port: 0 } : undefined,
      };
      const health = {
        getLiveness: async () => ({ status: 200, payload: { status: 'ok' } }),
        getReadiness: async () => ({ status: 200, payload: { status: 'ok' } }),
      };
      let stop;
      const { router, server } = await createRootHttpRouter({
        config,
        logger,
        health,
        lifecycle: { addBeforeShutdownHook: noop, addShutdownHook: (hook) => (stop = hook) },
      });
      const held = [];
      router.use('/api/probe', (req, res) => {
        // Both are held at the same point of the same pipeline before either is answered.
        held.push([req, res]);
        if (held.length < 2) return;
        const [[req1, res1], [req2, res2]] = held;
        const result = {
          requests: %HaveSameMap(req1, req2),
          responses: %HaveSameMap(res1, res2),
        };
        for (const [, response] of held) response.json(result);
      });
      const url = 'http://127.0.0.1:' + server.port() + '/api/probe';
      const answers = await Promise.all([fetch(url), fetch(url)].map(async (r) => (await r).json()));
      await stop();
      console.log(JSON.stringify(answers[0]));
    `;
    const out = execFileSync(
      process.execPath,
      ['--allow-natives-syntax', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({
      requests: true,
      responses: true,
    });
  });
});
