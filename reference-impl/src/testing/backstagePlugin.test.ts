import { afterAll, describe, expect, it } from 'vitest';
import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { mockCredentials } from './mockCredentials.js';
import { mockServices } from './mockServices.js';
import { ServiceFactoryTester } from './ServiceFactoryTester.js';
import { startTestBackend } from './startTestBackend.js';

/** A plugin written against Backstage's own authoring package from npm. */
interface GreeterExtension {
  addGreeting(text: string): void;
}
const greeterExtensionPoint = createExtensionPoint<GreeterExtension>({ id: 'greeter.greetings' });

const greeterPlugin = createBackendPlugin({
  pluginId: 'greeter',
  register(env) {
    const greetings: string[] = [];
    env.registerExtensionPoint(greeterExtensionPoint, {
      addGreeting: (text) => void greetings.push(text),
    });
    env.registerInit({
      deps: {
        router: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        config: coreServices.rootConfig,
        permissions: coreServices.permissions,
        scheduler: coreServices.scheduler,
        logger: coreServices.logger,
      },
      async init({ router, httpAuth, userInfo, config, scheduler, logger }) {
        let ticks = 0;
        await scheduler.scheduleTask({
          id: 'greeter-tick',
          frequency: { minutes: 1 },
          timeout: { seconds: 10 },
          fn: async () => void ticks++,
        });
        const app = express.Router();
        // Express 4 does not catch async errors, so the handler passes them on itself.
        app.get('/hello', (req, res, next) => {
          void hello(req, res).catch(next);
        });
        const hello = async (req: express.Request, res: express.Response) => {
          const credentials = await httpAuth.credentials(req, { allow: ['user'] });
          const info = await userInfo.getUserInfo(credentials);
          const prefix = config.getOptionalString('greeter.prefix') ?? 'Hello';
          res.json({ text: `${prefix}, ${info.userEntityRef}`, greetings, ticks });
        };
        router.use(app);
        logger.info('greeter ready');
      },
    });
  },
});

const shoutModule = createBackendModule({
  pluginId: 'greeter',
  moduleId: 'shout',
  register(env) {
    env.registerInit({
      deps: { greetings: greeterExtensionPoint },
      async init({ greetings }) {
        greetings.addGreeting('HEY');
      },
    });
  },
});

describe('a plugin written with @backstage/backend-plugin-api', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  afterAll(async () => {
    await backend?.stop();
  });

  it('TEST-001, TEST-022, TEST-025, TEST-078: runs in a test backend with mock services', async () => {
    backend = await startTestBackend({
      features: [
        greeterPlugin,
        shoutModule,
        mockServices.rootConfig.factory({ data: { greeter: { prefix: 'Hi' } } }),
      ],
    });
    const base = `http://localhost:${backend.server.port()}/api/greeter`;
    const res = await fetch(`${base}/hello`, {
      headers: { authorization: mockCredentials.user.header('user:default/ada') },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      text: 'Hi, user:default/ada',
      greetings: ['HEY'],
      ticks: 1,
    });
    const service = await fetch(`${base}/hello`, {
      headers: { authorization: mockCredentials.service.header() },
    });
    expect(service.status).toBe(403);
    const none = await fetch(`${base}/hello`, {
      headers: { authorization: mockCredentials.none.header() },
    });
    expect(none.status).toBe(401);
  });

  it('TEST-043: its module can be tested alone with the extension point given as a tuple', async () => {
    const greetings: string[] = [];
    const moduleBackend = await startTestBackend({
      features: [shoutModule],
      extensionPoints: [
        [greeterExtensionPoint, { addGreeting: (text: string) => void greetings.push(text) }],
      ],
    });
    await moduleBackend.stop();
    expect(greetings).toEqual(['HEY']);
  });

  it('TEST-066: a Backstage service ref can be replaced by a spy mock', async () => {
    const logger = mockServices.logger.mock();
    const tester = ServiceFactoryTester.from(logger.factory);
    const resolved = await tester.getService(coreServices.logger as never, 'greeter');
    expect(resolved).toBe(logger);
  });
});
