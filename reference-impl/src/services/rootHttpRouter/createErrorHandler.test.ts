import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { LoggerService } from '@openstage/spec';
import express, { Router, type RequestHandler } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createErrorHandler } from './createErrorHandler.js';
import { createNotFoundHandler } from './createNotFoundHandler.js';

/** Response bodies are checked field by field by the assertions; a loose type keeps them readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Loose = any;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function recordingLogger() {
  const errors: Array<{ message: string; meta: unknown }> = [];
  const logger: LoggerService = {
    error: (message, meta) => void errors.push({ message, meta }),
    warn: () => {},
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return { logger, errors };
}

async function serve(
  handler: RequestHandler,
  options: { showStackTraces?: boolean; mount?: string } = {},
) {
  const { logger, errors } = recordingLogger();
  const app = express();
  const inner = Router();
  inner.use(handler);
  inner.use(
    createErrorHandler({
      logger,
      ...(options.showStackTraces === undefined
        ? {}
        : { showStackTraces: options.showStackTraces }),
    }),
  );
  if (options.mount) app.use(options.mount, inner);
  else app.use(inner);
  app.use(createNotFoundHandler());
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, errors };
}

function throwing(error: unknown): RequestHandler {
  return () => {
    throw error;
  };
}

function named(name: string, message = 'msg', extra: Record<string, unknown> = {}): Error {
  const error = new Error(message);
  error.name = name;
  return Object.assign(error, extra);
}

describe('default error handler', () => {
  it('RHTTP-065: unhandled requests get 404 with an empty body', async () => {
    const { base } = await serve((_req, _res, next) => next());
    const response = await fetch(`${base}/nothing`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });

  it('RHTTP-066: statusCode, else status, wins when it is an integer from 100 to 599', async () => {
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ statusCode: 418 }, 418],
      [{ status: 429 }, 429],
      [{ statusCode: 422, status: 400 }, 422],
      [{ statusCode: 99 }, 400],
      [{ statusCode: 600, status: 402 }, 402],
      [{ statusCode: '404' }, 400],
    ];
    for (const [extra, expected] of cases) {
      const { base } = await serve(throwing(named('InputError', 'bad', extra)));
      expect((await fetch(`${base}/x`)).status).toBe(expected);
    }
  });

  it('RHTTP-067: the status follows the error name, and 500 for other names', async () => {
    const table: Array<[string, number]> = [
      ['NotModifiedError', 304],
      ['InputError', 400],
      ['AuthenticationError', 401],
      ['NotAllowedError', 403],
      ['NotFoundError', 404],
      ['ConflictError', 409],
      ['NotImplementedError', 501],
      ['ServiceUnavailableError', 503],
      ['TypeError', 500],
      ['Error', 500],
    ];
    for (const [name, status] of table) {
      const { base } = await serve(throwing(named(name)));
      expect((await fetch(`${base}/x`)).status, name).toBe(status);
    }
  });

  it('RHTTP-068: the body holds the error with its enumerable properties and cause, the request and the status', async () => {
    const cause = named('InputError', 'inner problem', { field: 'name' });
    const error = Object.assign(new Error('outer problem', { cause }), {
      name: 'ConflictError',
      code: 'E_DUP',
    });
    const { base } = await serve(throwing(error));
    const response = await fetch(`${base}/items/7?x=1`, { method: 'PUT' });
    expect(response.status).toBe(409);
    expect((await response.json()) as Loose).toEqual({
      error: {
        name: 'ConflictError',
        message: 'outer problem',
        code: 'E_DUP',
        cause: { name: 'InputError', message: 'inner problem', field: 'name' },
      },
      request: { method: 'PUT', url: '/items/7?x=1' },
      response: { statusCode: 409 },
    });
  });

  it('RHTTP-068: missing name and message are reported as Unknown and <no reason given>', async () => {
    const error = new Error('');
    error.name = '';
    const { base } = await serve(throwing(error));
    expect(((await (await fetch(`${base}/x`)).json()) as Loose).error).toMatchObject({
      name: 'Unknown',
      message: '<no reason given>',
    });
  });

  it('RHTTP-069: the url is the path as the answering router sees it', async () => {
    const { base } = await serve(throwing(named('NotFoundError')), { mount: '/api/todo' });
    expect(((await (await fetch(`${base}/api/todo/items/1`)).json()) as Loose).request).toEqual({
      method: 'GET',
      url: '/items/1',
    });
  });

  it('RHTTP-070: stacks appear only when stack traces are shown', async () => {
    const cause = new Error('inner');
    const hidden = await serve(throwing(new Error('outer', { cause })), { showStackTraces: false });
    const hiddenBody = (await (await fetch(`${hidden.base}/x`)).json()) as Loose;
    expect(hiddenBody.error.stack).toBeUndefined();
    expect(hiddenBody.error.cause.stack).toBeUndefined();
    const shown = await serve(throwing(new Error('outer', { cause })), { showStackTraces: true });
    const shownBody = (await (await fetch(`${shown.base}/x`)).json()) as Loose;
    expect(shownBody.error.stack).toContain('outer');
    expect(shownBody.error.cause.stack).toContain('inner');
  });

  it('RHTTP-071, RHTTP-072: errors of 500 and more are logged at error level, others are not', async () => {
    const server = await serve(throwing(named('NotImplementedError')));
    await fetch(`${server.base}/x`);
    expect(server.errors).toHaveLength(1);
    const client = await serve(throwing(named('InputError')));
    await fetch(`${client.base}/x`);
    expect(client.errors).toHaveLength(0);
  });

  it('RHTTP-073: once headers are sent, no second response is written', async () => {
    const { base } = await serve((_req, res, next) => {
      res.status(200).write('partial');
      next(new Error('late failure'));
    });
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.write('GET /x HTTP/1.1\r\nHost: test\r\n\r\n');
      });
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (data += chunk));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(raw).toContain('partial');
    expect(raw).not.toContain('late failure');
    expect(raw).not.toContain('"statusCode"');
  });

  it('RHTTP-074: non-errors and database driver errors are replaced by an opaque error with a logId', async () => {
    for (const thrown of [
      'a string',
      { some: 'object' },
      Object.assign(new Error('syntax error at "secret_table"'), {
        severity: 'ERROR',
        routine: 'scanner_yyerror',
        code: '42601',
      }),
      Object.assign(new Error('SQLITE_ERROR: no such table: secret'), { code: 'SQLITE_ERROR' }),
    ]) {
      const { base, errors } = await serve(throwing(thrown));
      const response = await fetch(`${base}/x`);
      expect(response.status).toBe(500);
      const body = (await response.json()) as Loose;
      expect(body.error.message).toMatch(/^An internal error occurred logId=[0-9a-f]+$/);
      expect(body.error.stack).toBeUndefined();
      expect(JSON.stringify(body)).not.toContain('secret');
      const logId = body.error.message.split('logId=')[1];
      expect(errors.some((entry) => entry.message.includes(logId))).toBe(true);
    }
  });
});
