import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RootHealthService } from '@openstage/spec';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigReader } from './ConfigReader.js';
import { createHealthRouter } from './createHealthRouter.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function headersConfig(headers: unknown): ConfigReader {
  return {
    getOptional: <T>(key?: string) =>
      key === 'backend.health.headers' ? (headers as T) : undefined,
  };
}

let ready: { status: number; payload?: unknown } = {
  status: 503,
  payload: { status: 'error', message: 'Backend has not started yet' },
};
const health: RootHealthService = {
  getLiveness: async () => ({ status: 200, payload: { status: 'ok' } }),
  getReadiness: async () => ready as { status: number; payload: { status: string } },
};

async function serve(headers?: unknown) {
  const app = express();
  app.use(createHealthRouter({ health, config: headersConfig(headers) }));
  app.use((_req, res) => void res.status(404).end());
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('health endpoints', () => {
  it('HLTH-003: GET /.backstage/health/v1/liveness answers getLiveness() as JSON', async () => {
    const base = await serve();
    const response = await fetch(`${base}/.backstage/health/v1/liveness`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('HLTH-004: GET /.backstage/health/v1/readiness answers getReadiness() with its status', async () => {
    const base = await serve();
    ready = { status: 503, payload: { status: 'error', message: 'Backend has not started yet' } };
    let response = await fetch(`${base}/.backstage/health/v1/readiness?probe=1`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'error',
      message: 'Backend has not started yet',
    });
    ready = { status: 200, payload: { status: 'ok' } };
    response = await fetch(`${base}/.backstage/health/v1/readiness`);
    expect(response.status).toBe(200);
  });

  it('HLTH-003: other paths and methods under the prefix pass on', async () => {
    const base = await serve();
    expect((await fetch(`${base}/.backstage/health/v1/other`)).status).toBe(404);
    expect((await fetch(`${base}/.backstage/health/v1/liveness`, { method: 'POST' })).status).toBe(
      404,
    );
  });

  it('HLTH-007: backend.health.headers are added to both responses', async () => {
    const base = await serve({ 'x-service': 'openstage', 'cache-control': 'no-store' });
    for (const name of ['liveness', 'readiness']) {
      const response = await fetch(`${base}/.backstage/health/v1/${name}`);
      expect(response.headers.get('x-service')).toBe('openstage');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('HLTH-008: empty or non-string header names or values fail naming the key', () => {
    for (const [headers, configPath] of [
      [{ 'x-a': '' }, 'backend.health.headers.x-a'],
      [{ 'x-b': 5 }, 'backend.health.headers.x-b'],
      [{ '': 'v' }, 'backend.health.headers.'],
      [['x'], 'backend.health.headers'],
    ] as const) {
      expect(() => createHealthRouter({ health, config: headersConfig(headers) })).toThrow(
        expect.objectContaining({ code: 'HLTH_INVALID_HEADER', configPath }),
      );
    }
  });
});
