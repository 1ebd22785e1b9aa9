import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/createBackend.js';
import { coreServices, createBackendModule, createBackendPlugin } from '../../src/index.js';
import { DatabaseManager } from '../../src/services/database/DatabaseManager.js';
import { rootConfigServiceFactory } from '../../src/services/rootConfig/index.js';
import { backendConfig } from '../helpers/configFromData.js';
import { freePort } from '../helpers/httpBackend.js';

/*
 * Two instances of one system on createBackend() with the default services: A installs `caller`,
 * B installs `x`. A's discovery.endpoints routes `x` to B and names `absent`, which no instance
 * installs; B's routes its own `x` to a dead address.
 */

type Handler = (
  req: unknown,
  res: { json(body: unknown): void; status(n: number): unknown },
) => unknown;
type PluginHttp = { use(router: unknown): void; addAuthPolicy(policy: unknown): void };

/** A plugin serving GET /<route> with `handler`, open to unauthenticated callers. */
function servingPlugin(
  pluginId: string,
  route: string,
  handler: (deps: { discovery: { getBaseUrl(id: string): Promise<string> } }) => Handler,
  extraDeps: Record<string, unknown> = {},
) {
  return createBackendPlugin({
    pluginId,
    register: (reg) =>
      reg.registerInit({
        deps: {
          http: coreServices.httpRouter,
          discovery: coreServices.discovery,
          ...extraDeps,
        },
        async init(deps) {
          const router = express.Router();
          router.get(`/${route}`, handler(deps as never) as never);
          const http = deps.http as unknown as PluginHttp;
          http.use(router);
          http.addAuthPolicy({ path: `/${route}`, allow: 'unauthenticated' });
        },
      }),
  });
}

const MARKER_MODULE = 'imeta-marker-module';
let dir: string;
let a = '';
let b = '';
const stops: Array<() => Promise<unknown>> = [];

async function startInstance(
  name: string,
  port: number,
  endpoints: Array<{ target: string; plugins: string[] }>,
  plugins: unknown[],
): Promise<void> {
  const file = join(dir, `${name}.yaml`);
  await writeFile(
    file,
    JSON.stringify({
      app: { baseUrl: 'http://localhost:3000' },
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { port, host: '127.0.0.1' },
        database: { client: 'better-sqlite3', connection: ':memory:' },
        lifecycle: { serverShutdownDelay: '0ms' },
        logger: { level: 'error' },
      },
      discovery: { endpoints },
    }),
  );
  const backend = createBackend();
  backend.add(rootConfigServiceFactory({ argv: ['--config', file], watch: false }));
  for (const plugin of plugins) backend.add(plugin as never);
  stops.push(() => backend.stop());
  await backend.start();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-split-'));
  const [portA, portB] = [await freePort(), await freePort()];
  a = `http://127.0.0.1:${portA}`;
  b = `http://127.0.0.1:${portB}`;
  await startInstance(
    'b',
    portB,
    [{ target: 'http://127.0.0.1:9/api/{{pluginId}}', plugins: ['x'] }],
    [
      servingPlugin('x', 'ping', () => (_req, res) => res.json({ servedBy: 'B', plugin: 'x' }), {
        scheduler: coreServices.scheduler,
      }),
      // A module id that nothing but the instance metadata knows (IMETA-021).
      createBackendModule({
        pluginId: 'x',
        moduleId: MARKER_MODULE,
        register: (reg) => reg.registerInit({ deps: {}, init: async () => {} }),
      }),
    ],
  );
  await startInstance(
    'a',
    portA,
    [{ target: `${b}/api/{{pluginId}}`, plugins: ['x', 'absent'] }],
    [
      servingPlugin('caller', 'ping', () => (_req, res) => res.json({ servedBy: 'A' })),
      servingPlugin('caller-relay', 'relay', ({ discovery }) => async (_req, res) => {
        const response = await fetch(`${await discovery.getBaseUrl('x')}/ping`);
        res.json({ status: response.status, body: await response.json() });
      }),
    ],
  );
}, 20_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await rm(dir, { recursive: true, force: true });
});

describe('split deployments over HTTP (createBackend)', () => {
  it('SPLIT-001 SPLIT-002: an instance starts with only some of the plugins its endpoints name, and serves them under /api/<pluginId>', async () => {
    const response = await fetch(`${a}/api/caller/ping`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ servedBy: 'A' });
  });

  it('SPLIT-003: the public key set and the scheduler routes of a plugin are under /api/<pluginId>', async () => {
    const jwks = await fetch(`${b}/api/x/.backstage/auth/v1/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(await jwks.json()).toHaveProperty('keys');
    // Served (authenticated) under the plugin's prefix, not missing.
    expect((await fetch(`${b}/api/x/.backstage/scheduler/v1/tasks`)).status).not.toBe(404);
    // Nothing of the plugin's is served outside its prefix.
    expect((await fetch(`${b}/.backstage/auth/v1/jwks.json`)).status).toBe(404);
    expect((await fetch(`${b}/ping`)).status).toBe(404);
  });

  it('SPLIT-004: a plugin installed elsewhere is answered with 404', async () => {
    expect((await fetch(`${a}/api/x/ping`)).status).toBe(404);
    expect((await fetch(`${a}/api/absent/anything`)).status).toBe(404);
  });

  it('SPLIT-005: a local plugin is served locally even when endpoints route its id elsewhere', async () => {
    const response = await fetch(`${b}/api/x/ping`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ servedBy: 'B', plugin: 'x' });
  });

  it('SPLIT-006: readiness does not depend on plugins that only other instances install', async () => {
    expect((await fetch(`${a}/.backstage/health/v1/readiness`)).status).toBe(200);
  });

  it('IMETA-021: no route that answers without credentials reveals the installed modules', async () => {
    const paths = [
      '/',
      '/api',
      '/api/app',
      '/.backstage/health/v1/liveness',
      '/.backstage/health/v1/readiness',
      // Where Backstage's runtime has served the installed features.
      '/.backstage/instanceMetadata/v1/features/installed',
      '/api/x/.backstage/instanceMetadata/v1/features/installed',
      '/api/x/.backstage/auth/v1/jwks.json',
      '/api/x/.well-known/backstage/permissions/metadata',
      '/api/x/.backstage/scheduler/v1/tasks',
      '/api/x/ping',
    ];
    for (const path of paths) {
      const body = await (await fetch(`${b}${path}`)).text();
      expect(body, path).not.toContain(MARKER_MODULE);
    }
  });

  it("SPLIT-010: a request to getBaseUrl('x') from A reaches plugin x in B", async () => {
    const response = await fetch(`${a}/api/caller-relay/relay`);
    expect(await response.json()).toEqual({
      status: 200,
      body: { servedBy: 'B', plugin: 'x' },
    });
  });
});

const postgresUrl = process.env['OPENSTAGE_TEST_POSTGRES_CONNECTION_STRING'];

describe.skipIf(!postgresUrl)('split deployments and the database (PostgreSQL)', () => {
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const prefix = `os_split_${tag}_`;
  const [one, two] = [`s${tag}one`, `s${tag}two`];
  const managers: DatabaseManager[] = [];
  const instance = (database: Record<string, unknown>) => {
    const manager = DatabaseManager.fromConfig(backendConfig('database', database));
    managers.push(manager);
    return manager;
  };
  const where = async (manager: DatabaseManager, pluginId: string) => {
    const client = await manager.forPlugin(pluginId).getClient();
    const result = (await client.raw(
      'select current_database() as db, current_schema() as schema',
    )) as {
      rows: Array<{ db: string; schema: string }>;
    };
    return result.rows[0]!;
  };

  afterAll(async () => {
    await Promise.all(managers.map((m) => m.destroy()));
    const admin = knexFactory({ client: 'pg', connection: postgresUrl!, pool: { min: 0, max: 1 } });
    try {
      for (const id of [one, two]) {
        await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [`${prefix}${id}`]);
        await admin.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [id]);
      }
    } finally {
      await admin.destroy();
    }
  });

  it('SPLIT-020 SPLIT-021: instances with disjoint plugins use disjoint databases; replicas share one', async () => {
    const database = { client: 'pg', connection: postgresUrl, prefix };
    const [first, second, replica] = [instance(database), instance(database), instance(database)];
    const a1 = await where(first, one);
    const b2 = await where(second, two);
    const a3 = await where(replica, one);
    expect(a1.db).not.toBe(b2.db);
    expect(a3.db).toBe(a1.db);
  });

  it('SPLIT-020 SPLIT-021: in schema mode, disjoint plugins use disjoint schemas; replicas share one', async () => {
    const database = { client: 'pg', connection: postgresUrl, pluginDivisionMode: 'schema' };
    const [first, second, replica] = [instance(database), instance(database), instance(database)];
    const a1 = await where(first, one);
    const b2 = await where(second, two);
    const a3 = await where(replica, one);
    expect(a1.schema).not.toBe(b2.schema);
    expect(a3).toEqual(a1);
  });
});
