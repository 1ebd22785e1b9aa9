import type { AuthService } from '@openstage/spec';
import { knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authServiceFactory } from './authServiceFactory.js';
import { createTestConfig } from './testing/createTestConfig.js';
import { createTestLogger } from './testing/createTestLogger.js';
import { startTestKeyServer, type TestKeyServer } from './testing/startTestKeyServer.js';

/** The wire-format members a runtime calls, typed loosely as a runtime sees them. */
type WireFactory = {
  service: { id: string; scope: string; multiton?: boolean };
  createRootContext(deps: Record<string, unknown>): Promise<unknown>;
  factory(deps: Record<string, unknown>, context: unknown): Promise<unknown>;
};
const wire = authServiceFactory as unknown as WireFactory;

let server: TestKeyServer;
const db = knex({
  client: 'better-sqlite3',
  connection: { filename: ':memory:' },
  useNullAsDefault: true,
});

beforeAll(async () => {
  server = await startTestKeyServer();
});

afterAll(async () => {
  await server.close();
  await db.destroy();
});

describe('authServiceFactory', () => {
  it('AUTH-020: provides core.auth, plugin scoped, not multiton', () => {
    expect(wire.service).toMatchObject({ id: 'core.auth', scope: 'plugin' });
    expect(wire.service.multiton ?? false).toBe(false);
  });

  it('AUTH-154: a configuration mistake fails in the root context, before any plugin instance', async () => {
    const config = createTestConfig({
      backend: { auth: { externalAccess: [{ type: 'nope', options: {} }] } },
    });
    await expect(
      wire.createRootContext({ config, rootLogger: createTestLogger() }),
    ).rejects.toMatchObject({
      code: 'AUTH_EXTERNAL_ACCESS_UNKNOWN_TYPE',
    });
  });

  it('AUTH-110: builds a working per-plugin service over the plugin database', async () => {
    const rootLogger = createTestLogger();
    const context = await wire.createRootContext({ config: createTestConfig({}), rootLogger });
    const auth = (await wire.factory(
      {
        logger: rootLogger,
        discovery: server.discovery,
        database: { getClient: async () => db },
        pluginMetadata: { getId: () => 'todo' },
      },
      context,
    )) as AuthService;
    server.route('/api/todo/.backstage/auth/v1/jwks.json', async () => ({
      body: await auth.listPublicServiceKeys(),
    }));
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'todo',
    });
    expect((await auth.authenticate(token)).principal).toEqual({
      type: 'service',
      subject: 'plugin:todo',
    });
  });
});
