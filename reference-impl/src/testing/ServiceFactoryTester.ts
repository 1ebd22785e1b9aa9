import type {
  ServiceFactory,
  ServiceFactoryTester as ServiceFactoryTesterShape,
  ServiceFactoryTesterOptions,
  ServiceInstances,
  ServiceRef,
  ServiceScope,
} from '@openstage/spec';
import type { InternalServiceFactory, InternalServiceRef } from '../wireFormat/types.js';
import { createTestServiceFactories } from './createTestServiceFactories.js';
import { mockServices } from './mockServices.js';
import { TestKitError } from './TestKitError.js';

const PLUGIN_METADATA = 'core.pluginMetadata';

/**
 * Instantiates one service factory, with its dependencies, outside a backend (TEST-181 to
 * TEST-186). Instances are cached as a runtime caches them: one per root service, one root
 * context per factory, one instance per plugin id for plugin services.
 *
 * @example
 * ```ts
 * const tester = ServiceFactoryTester.from(myCacheFactory, {
 *   dependencies: [mockServices.rootConfig.factory({ data: { cache: { ttl: 10 } } })],
 * });
 * const cache = await tester.getSubject('catalog');
 * ```
 */
export class ServiceFactoryTester<
  TService,
  TScope extends ServiceScope = ServiceScope,
> implements ServiceFactoryTesterShape<TService, TScope> {
  readonly #subject: InternalServiceFactory;
  readonly #factories = new Map<string, InternalServiceFactory>();
  readonly #refDefaults = new Map<string, Promise<InternalServiceFactory | undefined>>();
  readonly #rootInstances = new Map<InternalServiceFactory, Promise<unknown>>();
  readonly #contexts = new Map<InternalServiceFactory, Promise<unknown>>();
  readonly #pluginInstances = new Map<InternalServiceFactory, Map<string, Promise<unknown>>>();

  /** TEST-181: defaults of the test backend, then `dependencies`, then the subject. */
  static from<TService, TScope extends ServiceScope>(
    subject: ServiceFactory<TService, TScope>,
    options?: ServiceFactoryTesterOptions,
  ): ServiceFactoryTester<TService, TScope> {
    return new ServiceFactoryTester<TService, TScope>(subject, options?.dependencies ?? []);
  }

  private constructor(subject: ServiceFactory, dependencies: ServiceFactory[]) {
    // Every factory built by an authoring library has the internal shape at run time.
    this.#subject = subject as unknown as InternalServiceFactory;
    // Discovery answers port 0 here: the test backend's version would start an HTTP server just to
    // learn its port, and a tester has no stop() to close it.
    const defaults = createTestServiceFactories({ overrides: [mockServices.discovery.factory()] });
    for (const factory of [...defaults, ...dependencies, subject]) {
      const internal = factory as unknown as InternalServiceFactory;
      this.#factories.set(internal.service.id, internal);
    }
  }

  /** TEST-182, TEST-183: the subject for `pluginId` (default `test`); root subjects ignore it. */
  getSubject = ((pluginId?: string): Promise<TService> =>
    this.#instance(
      this.#subject.service,
      pluginId ?? 'test',
    ) as Promise<TService>) as ServiceFactoryTesterShape<TService, TScope>['getSubject'];

  /** TEST-184, TEST-185: any service for `pluginId` (default `test`). */
  getService = <TGetService, TInstances extends ServiceInstances>(
    service: ServiceRef<TGetService, ServiceScope, TInstances>,
    pluginId?: string,
  ): Promise<TInstances extends 'multiton' ? TGetService[] : TGetService> =>
    this.#instance(service as unknown as InternalServiceRef, pluginId ?? 'test') as Promise<
      TInstances extends 'multiton' ? TGetService[] : TGetService
    >;

  async #instance(ref: InternalServiceRef, pluginId: string): Promise<unknown> {
    if (ref.id === PLUGIN_METADATA) return { getId: () => pluginId };
    const factory = await this.#factoryFor(ref);
    const instance = await this.#create(factory, pluginId);
    return ref.multiton === true ? [instance] : instance;
  }

  async #factoryFor(ref: InternalServiceRef): Promise<InternalServiceFactory> {
    const provided = this.#factories.get(ref.id);
    if (provided !== undefined) return provided;
    let loading = this.#refDefaults.get(ref.id);
    if (loading === undefined) {
      loading = loadRefDefault(ref);
      this.#refDefaults.set(ref.id, loading);
    }
    const loaded = await loading;
    if (loaded === undefined) {
      throw new TestKitError('TEST_SERVICE_NOT_FOUND', { serviceId: ref.id });
    }
    return loaded;
  }

  #create(factory: InternalServiceFactory, pluginId: string): Promise<unknown> {
    if (factory.service.scope === 'root') {
      let instance = this.#rootInstances.get(factory);
      if (instance === undefined) {
        instance = this.#deps(factory, undefined).then((deps) => factory.factory(deps, undefined));
        this.#rootInstances.set(factory, instance);
      }
      return instance;
    }
    let perPlugin = this.#pluginInstances.get(factory);
    if (perPlugin === undefined) {
      perPlugin = new Map();
      this.#pluginInstances.set(factory, perPlugin);
    }
    let instance = perPlugin.get(pluginId);
    if (instance === undefined) {
      instance = (async () => {
        const context = await this.#context(factory);
        return factory.factory(await this.#deps(factory, pluginId), context);
      })();
      perPlugin.set(pluginId, instance);
    }
    return instance;
  }

  #context(factory: InternalServiceFactory): Promise<unknown> {
    let context = this.#contexts.get(factory);
    if (context === undefined) {
      const create = factory.createRootContext;
      context =
        create === undefined
          ? Promise.resolve(undefined)
          : this.#deps(factory, undefined).then((deps) => create(deps));
      this.#contexts.set(factory, context);
    }
    return context;
  }

  /** Resolves a factory's deps: root deps only for `pluginId === undefined`, as a runtime does. */
  async #deps(
    factory: InternalServiceFactory,
    pluginId: string | undefined,
  ): Promise<Record<string, unknown>> {
    const entries = Object.entries(factory.deps).filter(
      ([, ref]) => pluginId !== undefined || ref.scope === 'root',
    );
    const values = await Promise.all(
      entries.map(([, ref]) => this.#instance(ref, pluginId ?? 'root')),
    );
    return Object.fromEntries(entries.map(([key], index) => [key, values[index]]));
  }
}

async function loadRefDefault(
  ref: InternalServiceRef,
): Promise<InternalServiceFactory | undefined> {
  const loader = ref.__defaultFactory ?? (ref as { defaultFactory?: unknown }).defaultFactory;
  if (typeof loader !== 'function') return undefined;
  const value: unknown = await (loader as (ref: InternalServiceRef) => unknown)(ref);
  // A default factory loader may also resolve to a function that returns the factory.
  const factory =
    typeof value === 'function' && !('$$type' in value) ? (value as () => unknown)() : value;
  return factory as InternalServiceFactory;
}
