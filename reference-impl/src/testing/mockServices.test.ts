import { describe, expect, it } from 'vitest';
import type { ServiceFactory } from '@openstage/spec';
import { coreServices } from '../authoring/coreServices.js';
import { coreServiceRefs } from './coreServiceRefs.js';
import { mockCredentials } from './mockCredentials.js';
import { mockServices } from './mockServices.js';
import { ServiceFactoryTester } from './ServiceFactoryTester.js';

const names = [
  'auditor',
  'auth',
  'cache',
  'database',
  'discovery',
  'httpAuth',
  'httpRouter',
  'lifecycle',
  'logger',
  'permissions',
  'permissionsRegistry',
  'rootConfig',
  'rootHealth',
  'rootHttpRouter',
  'rootInstanceMetadata',
  'rootLifecycle',
  'rootLogger',
  'rootSystemMetadata',
  'scheduler',
  'urlReader',
  'userInfo',
] as const;

describe('mockServices', () => {
  it('TEST-061: one member per core service except pluginMetadata', () => {
    expect(Object.keys(mockServices).sort()).toEqual([...names].sort());
  });

  it('TEST-062: .factory() provides the core service of the same name', () => {
    for (const name of names) {
      const options = name === 'database' ? undefined : undefined;
      const factory = (mockServices[name].factory as (o?: unknown) => ServiceFactory)(options);
      expect(factory.service.id, name).toBe(coreServices[name].id);
    }
  });

  it('TEST-063, TEST-065: .mock() has a spy for every method, returning undefined by default', () => {
    const auth = mockServices.auth.mock();
    for (const method of [
      'authenticate',
      'isPrincipal',
      'getNoneCredentials',
      'getOwnServiceCredentials',
      'getPluginRequestToken',
      'getLimitedUserToken',
      'listPublicServiceKeys',
    ] as const) {
      expect(typeof auth[method].mockImplementation, method).toBe('function');
    }
    expect(auth.getNoneCredentials()).toBeUndefined();
    expect(auth.getNoneCredentials.mock.calls).toEqual([[]]);
    const config = mockServices.rootConfig.mock();
    expect(config.getString('a')).toBeUndefined();
  });

  it('TEST-064: functions of the partial become the spies implementations', async () => {
    const cache = mockServices.cache.mock({ get: async () => 'hit' as never });
    await expect(cache.get('k')).resolves.toBe('hit');
    expect(cache.get.mock.calls).toEqual([['k']]);
  });

  it('TEST-066: .mock().factory provides that very object to every plugin', async () => {
    const logger = mockServices.logger.mock();
    const tester = ServiceFactoryTester.from(logger.factory);
    expect(await tester.getService(coreServiceRefs.logger, 'a')).toBe(logger);
    expect(await tester.getService(coreServiceRefs.logger, 'b')).toBe(logger);
  });

  it('TEST-067, TEST-068: every member returns a working fake', async () => {
    for (const name of names) {
      const fake =
        name === 'database'
          ? mockServices.database({ knex: {} })
          : (mockServices[name] as (o?: unknown) => unknown)();
      expect(fake, name).toBeTypeOf('object');
    }
  });

  it('TEST-069: without options, .factory() of the real-default services is the default factory', async () => {
    const { cacheServiceFactory } = await import('../services/cache/cacheServiceFactory.js');
    const { databaseServiceFactory } =
      await import('../services/database/databaseServiceFactory.js');
    const { permissionsServiceFactory } =
      await import('../services/permissions/permissionsServiceFactory.js');
    expect(mockServices.cache.factory()).toBe(cacheServiceFactory);
    expect(mockServices.database.factory()).toBe(databaseServiceFactory);
    expect(mockServices.permissions.factory()).toBe(permissionsServiceFactory);
  });

  it('TEST-070: plugin-scoped fakes built by .factory() carry each plugin id', async () => {
    const tester = ServiceFactoryTester.from(mockServices.auth.factory());
    const auth = await tester.getSubject('catalog');
    await expect(auth.getOwnServiceCredentials()).resolves.toEqual(
      mockCredentials.service('plugin:catalog'),
    );
  });

  it('TEST-071, TEST-072: rootConfig reads data and update() replaces it and notifies', () => {
    expect(mockServices.rootConfig().keys()).toEqual([]);
    const config = mockServices.rootConfig({ data: { a: { b: 1 } } });
    expect(config.getNumber('a.b')).toBe(1);
    let notified = 0;
    config.subscribe?.(() => notified++);
    config.update({ data: { c: 'x' } });
    expect(notified).toBe(1);
    expect(config.getOptional('a')).toBeUndefined();
    expect(config.getString('c')).toBe('x');
  });

  it('TEST-073, TEST-074, TEST-084: loggers write at or above their level, none by default, child adds meta', () => {
    const written: string[] = [];
    const original = {
      error: console.error,
      warn: console.warn,
      info: console.info,
      debug: console.debug,
    };
    for (const level of ['error', 'warn', 'info', 'debug'] as const)
      console[level] = (line: string) => written.push(line);
    try {
      mockServices.rootLogger().error('silent');
      mockServices.rootLogger({ level: 'none' }).error('silent');
      const logger = mockServices.rootLogger({ level: 'warn' });
      logger.info('dropped');
      logger.warn('kept');
      mockServices.logger({ level: 'debug' }).child({ plugin: 'x' }).debug('deep');
    } finally {
      Object.assign(console, original);
    }
    expect(written).toEqual(['warn: kept', 'debug: deep {"plugin":"x"}']);
    expect(() => mockServices.rootLogger({ level: 'loud' as never })).toThrow(/loud/);
  });

  it('TEST-075, TEST-076: auth and httpAuth defaults', async () => {
    await expect(mockServices.auth().getOwnServiceCredentials()).resolves.toEqual(
      mockCredentials.service('plugin:test'),
    );
    await expect(mockServices.httpAuth().credentials({ headers: {} })).resolves.toEqual(
      mockCredentials.user(),
    );
    await expect(
      mockServices
        .httpAuth({ defaultCredentials: mockCredentials.none() })
        .credentials({ headers: {} }),
    ).resolves.toEqual(mockCredentials.none());
  });

  it('TEST-077: discovery answers localhost:0', async () => {
    await expect(mockServices.discovery().getBaseUrl('x')).resolves.toBe(
      'http://localhost:0/api/x',
    );
    await expect(mockServices.discovery().getExternalBaseUrl('x')).resolves.toBe(
      'http://localhost:0/api/x',
    );
  });

  it('TEST-078: userInfo derives ownership from the user ref, info taking precedence', async () => {
    await expect(
      mockServices.userInfo().getUserInfo(mockCredentials.user('user:default/jane')),
    ).resolves.toEqual({
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: ['user:default/jane'],
    });
    await expect(
      mockServices
        .userInfo({ ownershipEntityRefs: ['group:default/a'] })
        .getUserInfo(mockCredentials.user()),
    ).resolves.toEqual({
      userEntityRef: 'user:default/mock',
      ownershipEntityRefs: ['group:default/a'],
    });
    await expect(
      mockServices.userInfo().getUserInfo(mockCredentials.service()),
    ).rejects.toMatchObject({ code: 'UINFO_NOT_USER' });
  });

  it('TEST-079: database hands out the given knex and migrations', async () => {
    const knex = { fake: true };
    const db = mockServices.database({ knex, migrations: { skip: true } });
    await expect(db.getClient()).resolves.toBe(knex);
    expect(db.migrations).toEqual({ skip: true });
  });

  it('TEST-080: permissions answer with the result, ALLOW by default', async () => {
    const request = [{ permission: { type: 'basic', name: 'x', attributes: {} } }] as never;
    const options = { credentials: mockCredentials.user() };
    await expect(mockServices.permissions().authorize(request, options)).resolves.toEqual([
      { result: 'ALLOW' },
    ]);
    await expect(
      mockServices.permissions({ result: 'DENY' }).authorizeConditional(request, options),
    ).resolves.toEqual([{ result: 'DENY' }]);
  });

  it('TEST-081, TEST-082: metadata fakes list no plugins', async () => {
    await expect(mockServices.rootInstanceMetadata().getInstalledPlugins()).resolves.toEqual([]);
    await expect(mockServices.rootSystemMetadata().getInstalledPlugins()).resolves.toEqual([]);
  });

  it('TEST-083: the cache fake keeps entries in memory', async () => {
    const cache = mockServices.cache();
    await cache.set('k', { v: 1 });
    await expect(cache.get('k')).resolves.toEqual({ v: 1 });
    await cache.delete('k');
    await expect(cache.get('k')).resolves.toBeUndefined();
  });

  it('TEST-085, TEST-086: lifecycle fakes run their hooks when driven', async () => {
    const calls: string[] = [];
    const root = mockServices.rootLifecycle();
    root.addStartupHook(() => void calls.push('start'));
    root.addBeforeShutdownHook(() => void calls.push('before'));
    root.addShutdownHook(async () => void calls.push('stop'));
    await root.startup();
    await root.beforeShutdown();
    await root.shutdown();
    expect(calls).toEqual(['start', 'before', 'stop']);
    const plugin = mockServices.lifecycle();
    plugin.addStartupHook(() => {
      throw new Error('boom');
    });
    await expect(plugin.startup()).rejects.toThrow(/1 lifecycle hook/);
  });

  it('TEST-087, TEST-088: router fakes record in call order', () => {
    const router = mockServices.httpRouter();
    const handler = (() => {}) as never;
    router.use(handler);
    router.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
    expect(router.handlers).toEqual([handler]);
    expect(router.authPolicies).toEqual([{ path: '/health', allow: 'unauthenticated' }]);
    const root = mockServices.rootHttpRouter();
    root.use('/a', handler);
    root.use('/b', handler);
    expect(root.routes.map((r) => r.path)).toEqual(['/a', '/b']);
  });

  it('TEST-089: rootHealth is ok', async () => {
    await expect(mockServices.rootHealth().getLiveness()).resolves.toEqual({
      status: 200,
      payload: { status: 'ok' },
    });
    await expect(mockServices.rootHealth().getReadiness()).resolves.toEqual({
      status: 200,
      payload: { status: 'ok' },
    });
  });

  it('TEST-090: auditor records events and their outcome', async () => {
    const auditor = mockServices.auditor();
    const ok = await auditor.createEvent({ eventId: 'a' });
    const bad = await auditor.createEvent({ eventId: 'b' });
    await ok.success();
    const error = new Error('x');
    await bad.fail({ error });
    expect(auditor.events.map((e) => [e.options.eventId, e.status])).toEqual([
      ['a', 'succeeded'],
      ['b', 'failed'],
    ]);
    expect(auditor.events[1]?.error).toBe(error);
  });

  it('TEST-091: permissionsRegistry keeps rules per resource type', () => {
    const registry = mockServices.permissionsRegistry();
    const resourceRef = { resourceType: 'thing', pluginId: 'test' } as never;
    const rule = {
      name: 'IS_MINE',
      resourceType: 'thing',
      description: 'mine',
      paramsSchema: undefined,
      apply: () => true,
      toQuery: () => ({}),
    } as never;
    registry.addResourceType({ resourceRef, rules: [rule] });
    expect(registry.getPermissionRuleset(resourceRef).getRuleByName('IS_MINE')).toEqual(rule);
  });

  it('TEST-092, TEST-093: urlReader serves files and rejects others with URL_NOT_FOUND', async () => {
    const reader = mockServices.urlReader({
      files: { 'https://x/a': 'hello', 'https://x/b': Buffer.from('bin') },
    });
    await expect((await reader.readUrl('https://x/a')).buffer()).resolves.toEqual(
      Buffer.from('hello'),
    );
    await expect((await reader.readUrl('https://x/b')).buffer()).resolves.toEqual(
      Buffer.from('bin'),
    );
    for (const call of [
      () => reader.readUrl('https://x/c'),
      () => reader.readTree('https://x/a'),
      () => reader.search('https://x/a'),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: 'NotFoundError', code: 'URL_NOT_FOUND' });
    }
  });

  it('TEST-094: createServiceMock builds .mock() for a service that is not a core service', async () => {
    const { createServiceMock, spiesFor } = await import('./createServiceMock.js');
    const { createServiceRef } = await import('../authoring/createServiceRef.js');
    interface Clock {
      now(): number;
      zone(): string;
    }
    const ref = createServiceRef<Clock>({ id: 'acme.clock', scope: 'root' }) as never;
    const mockClock = createServiceMock<Clock>(ref, spiesFor<Clock>(['now', 'zone']));
    const clock = mockClock({ now: () => 42 });
    expect(clock.now()).toBe(42);
    expect(clock.zone()).toBeUndefined();
    const tester = ServiceFactoryTester.from(clock.factory);
    expect(await tester.getSubject()).toBe(clock);
  });
});
