import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DiscoveryService } from '@openstage/spec';
import express from 'express';
import { knex, type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwksRouter } from './createJwksRouter.js';
import { DefaultAuthService } from './DefaultAuthService.js';
import { DatabasePluginKeyStore } from './plugin/keys/DatabasePluginKeyStore.js';
import { RemoteKeySets } from './RemoteKeySets.js';
import { createTestLogger } from './testing/createTestLogger.js';
import { createTestUserTokenIssuer } from './testing/createTestUserTokenIssuer.js';

/**
 * Two plugins, each with its own database key store, behind one real express server: catalog
 * calls search with a plugin token, and search verifies it with the keys catalog publishes
 * through createJwksRouter.
 */
let server: Server;
let origin: string;
const databases: Knex[] = [];
const services = new Map<string, DefaultAuthService>();
let userToken: string;

beforeAll(async () => {
  const users = await createTestUserTokenIssuer();
  userToken = await users.issue({ sub: 'user:default/ada' });
  const app = express();
  const discovery: DiscoveryService = {
    getBaseUrl: async (pluginId) => `${origin}/api/${pluginId}`,
    getExternalBaseUrl: async (pluginId) => `${origin}/api/${pluginId}`,
  };
  app.get('/api/auth/.well-known/jwks.json', (_req, res) => {
    res.json({ keys: [users.publicJwk] });
  });
  for (const pluginId of ['catalog', 'search']) {
    const db = knex({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    databases.push(db);
    const auth = new DefaultAuthService({
      pluginId,
      discovery,
      keySets: new RemoteKeySets(),
      keyStore: new DatabasePluginKeyStore({
        pluginId,
        database: { getClient: async () => db },
        logger: createTestLogger(),
      }),
    });
    services.set(pluginId, auth);
    app.use(`/api/${pluginId}`, createJwksRouter(auth));
  }
  app.get('/api/search/whoami', (req, res, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    services
      .get('search')!
      .authenticate(token)
      .then((credentials) => res.json(credentials.principal), next);
  });
  app.use(
    (
      error: Error & { code?: string },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res.status(error.name === 'AuthenticationError' ? 401 : 500).json({ code: error.code });
    },
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await Promise.all(databases.map((db) => db.destroy()));
});

async function callSearch(token: string) {
  const response = await fetch(`${origin}/api/search/whoami`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('plugin-to-plugin calls over HTTP', () => {
  it('HTTP-012, AUTH-091, SPLIT-011: a service token from catalog is accepted by search as plugin:catalog', async () => {
    const catalog = services.get('catalog')!;
    const { token } = await catalog.getPluginRequestToken({
      onBehalfOf: await catalog.getOwnServiceCredentials(),
      targetPluginId: 'search',
    });
    expect(await callSearch(token)).toEqual({
      status: 200,
      body: { type: 'service', subject: 'plugin:catalog' },
    });

    const jwks = await fetch(`${origin}/api/catalog/.backstage/auth/v1/jwks.json`);
    expect(jwks.status).toBe(200);
    const { keys } = (await jwks.json()) as { keys: Array<Record<string, unknown>> };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', alg: 'ES256' });
  });

  it('SPLIT-012, AUTH-096: a token on behalf of a user reaches search as that user with catalog as actor', async () => {
    const catalog = services.get('catalog')!;
    const user = await catalog.authenticate(userToken);
    const { token } = await catalog.getPluginRequestToken({
      onBehalfOf: user,
      targetPluginId: 'search',
    });
    expect(await callSearch(token)).toEqual({
      status: 200,
      body: {
        type: 'user',
        userEntityRef: 'user:default/ada',
        actor: { type: 'service', subject: 'plugin:catalog' },
      },
    });
  });

  it('AUTH-054: a token catalog issued for another plugin is refused by search with 401', async () => {
    const catalog = services.get('catalog')!;
    const { token } = await catalog.getPluginRequestToken({
      onBehalfOf: await catalog.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    expect(await callSearch(token)).toEqual({
      status: 401,
      body: { code: 'AUTH_TOKEN_AUDIENCE_MISMATCH' },
    });
  });
});
