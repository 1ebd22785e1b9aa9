import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../src/runtime/createSpecializedBackend.js';
import {
  createBackendOn,
  writeHttpConfigFile,
  type HttpConfigFile,
} from './helpers/httpBackend.js';

/**
 * Two plugins authored with Backstage's own `@backstage/backend-plugin-api` from npm, on
 * Openstage's `createBackend()`, over real HTTP: plugin `a` calls plugin `b` with a real plugin
 * token, and `b` only serves service principals.
 */

const started: string[] = [];

const pluginB = createBackendPlugin({
  pluginId: 'b',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
      },
      async init({ httpRouter, httpAuth, logger }) {
        const router = Router();
        router.get('/whoami', async (req, res) => {
          const credentials = await httpAuth.credentials(req, { allow: ['service'] });
          logger.info(`b served ${credentials.principal.subject}`);
          res.json({ subject: credentials.principal.subject });
        });
        httpRouter.use(router);
      },
    });
  },
});

const pluginA = createBackendPlugin({
  pluginId: 'a',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        config: coreServices.rootConfig,
      },
      async init({ httpRouter, auth, discovery, logger, lifecycle, config }) {
        const greeting = config.getString('e2e.greeting');
        lifecycle.addStartupHook(() => {
          started.push('a');
        });
        const router = Router();
        router.get('/call-b', async (_req, res) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'b',
          });
          const response = await fetch(`${await discovery.getBaseUrl('b')}/whoami`, {
            headers: { authorization: `Bearer ${token}` },
          });
          logger.info(`a called b: ${response.status}`);
          res.json({ greeting, status: response.status, body: await response.json() });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/call-b', allow: 'unauthenticated' });
      },
    });
  },
});

describe('a plugin authored with @backstage/backend-plugin-api on createBackend()', () => {
  let config: HttpConfigFile | undefined;
  let baseUrl: string;
  let backend: Backend;

  beforeAll(async () => {
    config = await writeHttpConfigFile('openstage-e2e-', ['e2e:', '  greeting: hello from config']);
    baseUrl = config.baseUrl;
    backend = createBackendOn(config.configFile);
    backend.add(pluginA);
    backend.add(pluginB);
    const { result } = await backend.start();
    expect(result.plugins.map((p) => [p.pluginId, p.outcome]).sort()).toEqual([
      ['a', 'success'],
      ['b', 'success'],
    ]);
  });

  afterAll(async () => {
    await backend?.stop();
    await config?.remove();
  });

  it('runs the lifecycle startup hook of a Backstage plugin', () => {
    expect(started).toEqual(['a']);
  });

  it('plugin a reaches plugin b with a real plugin token (200)', async () => {
    const response = await fetch(`${baseUrl}/api/a/call-b`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      greeting: 'hello from config',
      status: 200,
      body: { subject: 'plugin:a' },
    });
  });

  it('plugin b refuses a request without a token (401)', async () => {
    const response = await fetch(`${baseUrl}/api/b/whoami`);
    expect(response.status).toBe(401);
  });

  it('plugin b refuses a forged token (401)', async () => {
    const response = await fetch(`${baseUrl}/api/b/whoami`, {
      headers: { authorization: 'Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwbHVnaW46YSJ9.c2ln' },
    });
    expect(response.status).toBe(401);
  });

  it('serves its public service keys to other plugins without credentials', async () => {
    const response = await fetch(`${baseUrl}/api/a/.backstage/auth/v1/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Array<{ kid?: string }> };
    expect(keys.length).toBeGreaterThan(0);
  });

  it('answers on the health endpoints, listing both plugins as ready', async () => {
    expect((await fetch(`${baseUrl}/.backstage/health/v1/liveness`)).status).toBe(200);
    const readiness = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
    expect(readiness.status).toBe(200);
    expect(await readiness.json()).toEqual({
      status: 'ok',
      plugins: { a: { state: 'ready' }, b: { state: 'ready' } },
    });
  });
});
