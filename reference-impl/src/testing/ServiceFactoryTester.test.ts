import { describe, expect, it } from 'vitest';
import type { LoggerService, RootConfigService } from '@openstage/spec';
import { createServiceFactory } from '../authoring/createServiceFactory.js';
import { createServiceRef } from '../authoring/createServiceRef.js';
import { coreServiceRefs as core } from './coreServiceRefs.js';
import { MockLogger } from './MockLogger.js';
import { mockServices } from './mockServices.js';
import { ServiceFactoryTester } from './ServiceFactoryTester.js';

interface Greeter {
  greet(): string;
}
const greeterRef = createServiceRef<Greeter>({ id: 'acme.greeter' });
const greeterFactory = createServiceFactory({
  service: greeterRef,
  deps: { config: core.rootConfig, metadata: core.pluginMetadata },
  createRootContext: ({ config }) => ({
    word: (config as RootConfigService).getOptionalString('greeting') ?? 'hello',
    created: Math.random(),
  }),
  factory: ({ metadata }, ctx) =>
    ({ greet: () => `${ctx.word} from ${metadata.getId()}`, ctx }) as Greeter,
});

describe('ServiceFactoryTester', () => {
  it('TEST-181, TEST-182: test-backend defaults, then dependencies, then the subject; plugin id defaults to test', async () => {
    const tester = ServiceFactoryTester.from(greeterFactory, {
      dependencies: [mockServices.rootConfig.factory({ data: { greeting: 'hi' } })],
    });
    expect((await tester.getSubject()).greet()).toBe('hi from test');
    expect((await tester.getSubject('catalog')).greet()).toBe('hi from catalog');
    const defaults = ServiceFactoryTester.from(greeterFactory);
    expect((await defaults.getSubject()).greet()).toBe('hello from test');
    // The test backend's default rootLogger is the silent mock.
    expect(await defaults.getService(core.rootLogger)).toBeInstanceOf(MockLogger);
  });

  it('TEST-183: a root subject ignores the plugin id', async () => {
    const tester = ServiceFactoryTester.from(mockServices.rootConfig.factory({ data: { a: 1 } }));
    const first = await tester.getSubject();
    expect(first.getNumber('a')).toBe(1);
    expect(await (tester.getSubject as (id?: string) => Promise<unknown>)('other')).toBe(first);
  });

  it('TEST-184, TEST-186: getService for a plugin; instances are cached per plugin and root contexts once', async () => {
    const tester = ServiceFactoryTester.from(greeterFactory);
    const a1 = (await tester.getService(greeterRef, 'a')) as Greeter & { ctx: unknown };
    const a2 = (await tester.getService(greeterRef, 'a')) as Greeter & { ctx: unknown };
    const b = (await tester.getService(greeterRef, 'b')) as Greeter & { ctx: unknown };
    expect(a1).toBe(a2);
    expect(a1).not.toBe(b);
    expect(a1.ctx).toBe(b.ctx);
    const logger: LoggerService = await tester.getService(core.logger, 'a');
    expect(typeof logger.child).toBe('function');
  });

  it('TEST-185: a service nothing provides is rejected naming its id', async () => {
    const missing = createServiceRef<object>({ id: 'acme.missing' });
    await expect(
      ServiceFactoryTester.from(greeterFactory).getService(missing),
    ).rejects.toMatchObject({
      code: 'TEST_SERVICE_NOT_FOUND',
      serviceId: 'acme.missing',
      message: expect.stringContaining("'acme.missing'"),
    });
  });

  it("TEST-181: a ref's default factory is used when nothing else provides the service", async () => {
    const withDefault = createServiceRef<Greeter>({
      id: 'acme.defaulted',
      defaultFactory: async (service) =>
        createServiceFactory({ service, deps: {}, factory: () => ({ greet: () => 'default' }) }),
    });
    await expect(
      ServiceFactoryTester.from(greeterFactory)
        .getService(withDefault)
        .then((g) => (g as Greeter).greet()),
    ).resolves.toBe('default');
  });
});
