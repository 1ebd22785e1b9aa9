import { OpenstageError, describeCause } from '../errors/OpenstageError.js';
import { PLUGIN_METADATA_SERVICE_ID } from '../wireFormat/constants.js';
import { factoryBodyOf } from '../wireFormat/factoryBodies.js';
import type { InternalServiceFactory, InternalServiceRef } from '../wireFormat/types.js';
import type { StartupTimeline } from './StartupTimeline.js';
import { validateServiceFactory } from './validateBackendFeature.js';

/**
 * Where a factory came from, highest precedence first: added with `add()`,
 * produced by a feature loader, given as a backend default, the ref's own
 * `defaultFactory`, or synthesised by the runtime.
 */
export type FactoryOrigin = 'added' | 'loader' | 'default' | 'ref' | 'runtime';

const RANK: Record<FactoryOrigin, number> = {
  added: 4,
  loader: 3,
  runtime: 2,
  default: 1,
  ref: 0,
};

/** A factory and where it came from. */
export interface FactoryRecord {
  readonly factory: InternalServiceFactory;
  readonly origin: FactoryOrigin;
  /** Human description of the source, e.g. `features[2]` or a loader description. */
  readonly source: string;
}

interface PluginScopedInstances {
  context: Promise<unknown>;
  byPlugin: Map<string, Promise<unknown>>;
}

/** A factory's deps as parallel arrays, read once per factory rather than once per instance. */
interface FactoryDeps {
  names: readonly string[];
  refs: readonly InternalServiceRef[];
  /** The root-scoped subset, what `createRootContext` receives. */
  rootNames: readonly string[];
  rootRefs: readonly InternalServiceRef[];
}

const factoryDeps = new WeakMap<InternalServiceFactory, FactoryDeps>();

type Deps = { [name in string]: unknown };

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function depsOf(factory: InternalServiceFactory): FactoryDeps {
  let deps = factoryDeps.get(factory);
  if (!deps) {
    const names: string[] = [];
    const refs: InternalServiceRef[] = [];
    const rootNames: string[] = [];
    const rootRefs: InternalServiceRef[] = [];
    for (const name of Object.keys(factory.deps)) {
      const ref = factory.deps[name]!;
      names.push(name);
      refs.push(ref);
      if (ref.scope === 'root') {
        rootNames.push(name);
        rootRefs.push(ref);
      }
    }
    deps = { names, refs, rootNames, rootRefs };
    factoryDeps.set(factory, deps);
  }
  return deps;
}

/** Timeline key of a service instance. */
export function serviceInstanceKey(ref: { id: string; scope: string }, pluginId: string): string {
  return ref.scope === 'root' ? `service:${ref.id}` : `service:${ref.id}@${pluginId}`;
}

function createPluginMetadataFactory(pluginId: string): InternalServiceFactory {
  return {
    $$type: '@backstage/BackendFeature',
    version: 'v1',
    featureType: 'service',
    service: { id: PLUGIN_METADATA_SERVICE_ID, scope: 'plugin', multiton: false },
    deps: {},
    factory: async () => pluginMetadataFor(pluginId),
  };
}

/** The `core.pluginMetadata` instance of a plugin. */
function pluginMetadataFor(pluginId: string): { getId(): string } {
  return { getId: () => pluginId };
}

/** FEAT-072, FEAT-073: `__defaultFactory`, else the older `defaultFactory`. */
function defaultFactoryLoaderOf(
  ref: InternalServiceRef,
): ((ref: InternalServiceRef) => unknown) | undefined {
  const value = ref.__defaultFactory ?? (ref as { defaultFactory?: unknown }).defaultFactory;
  return typeof value === 'function' ? (value as (ref: InternalServiceRef) => unknown) : undefined;
}

/**
 * Holds service factories by service id and creates instances on demand.
 *
 * The registry knows services only by ref id and the factory interface. It
 * applies override precedence, caches root instances per factory and plugin
 * instances per factory and plugin id, runs `createRootContext` at most once
 * per factory, synthesises `core.pluginMetadata`, and records every
 * instantiation on the startup timeline.
 */
export class ServiceRegistry {
  readonly #records = new Map<string, FactoryRecord[]>();
  readonly #overridden = new Map<string, FactoryRecord[]>();
  readonly #refDefaults = new Map<unknown, Promise<FactoryRecord>>();
  readonly #instantiated = new Set<string>();
  readonly #instances = new Set<string>();
  readonly #rootInstances = new Map<InternalServiceFactory, Promise<unknown>>();
  readonly #pluginInstances = new Map<InternalServiceFactory, PluginScopedInstances>();
  readonly #pluginMetadata = new Map<string, Promise<unknown>>();
  #eagerCache: { root: FactoryRecord[]; plugin: FactoryRecord[] } | undefined;
  /**
   * What `get()` returned for a plugin-scoped ref, by ref object and plugin id, for services
   * whose factories are provided: a plugin shares its own services with every factory of it that
   * depends on them, so most calls are repeats. `add()` resets it.
   */
  #gets = new WeakMap<InternalServiceRef, Map<string, Promise<unknown>>>();
  /** {@link ServiceRegistry.#missingDep} by factory; `add()` resets it. */
  #missing = new WeakMap<InternalServiceFactory, [string, InternalServiceRef] | undefined>();
  /** Values of the instance and root context promises that have fulfilled. */
  readonly #settled = new WeakMap<Promise<unknown>, unknown>();
  timeline: StartupTimeline | undefined;

  /**
   * Adds a factory at a precedence level. Throws `SVC_PLUGIN_METADATA_OVERRIDE`,
   * `SVC_ALREADY_INSTANTIATED` or `SVC_DUPLICATE_FACTORY`; a factory that loses
   * to a higher level is ignored.
   */
  add(factory: InternalServiceFactory, origin: FactoryOrigin, source: string): void {
    validateServiceFactory(factory, source);
    const id = factory.service.id;
    if (id === PLUGIN_METADATA_SERVICE_ID) {
      throw new OpenstageError('SVC_PLUGIN_METADATA_OVERRIDE', { serviceId: id, path: source });
    }
    // A collection that is re-run (add() after validate()) registers the same
    // factories again; that is not a duplicate (BACK-073).
    const known = [...(this.#records.get(id) ?? []), ...(this.#overridden.get(id) ?? [])];
    if (known.some((r) => r.factory === factory && r.origin === origin && r.source === source))
      return;
    this.#eagerCache = undefined;
    this.#gets = new WeakMap();
    this.#missing = new WeakMap();
    const record: FactoryRecord = { factory, origin, source };
    const existing = this.#records.get(id);
    if (factory.service.multiton === true) {
      this.#records.set(id, [...(existing ?? []), record]);
      return;
    }
    const current = existing?.[0];
    if (!current || RANK[origin] > RANK[current.origin]) {
      if (current) this.#overridden.set(id, [...(this.#overridden.get(id) ?? []), current]);
      this.#records.set(id, [record]);
      return;
    }
    if (RANK[origin] === RANK[current.origin] && origin !== 'runtime') {
      if (origin === 'loader') {
        throw new OpenstageError('LOAD_DUPLICATE_SERVICE_FACTORY', {
          serviceId: id,
          loaders: [current.source, source],
        });
      }
      throw new OpenstageError('SVC_DUPLICATE_FACTORY', {
        serviceId: id,
        paths: [current.source, source],
      });
    }
    // Lower precedence than what is already there: kept only for the graph.
    this.#overridden.set(id, [...(this.#overridden.get(id) ?? []), record]);
  }

  /** Whether `get()` was ever called for this service (and plugin). */
  hasInstance(ref: { id: string; scope: string }, pluginId: string): boolean {
    return this.#instances.has(ref.scope === 'root' ? ref.id : `${ref.id}@${pluginId}`);
  }

  /** Ids of every service that has been instantiated so far. */
  instantiatedIds(): ReadonlySet<string> {
    return this.#instantiated;
  }

  /** The provided (non ref-default) factories of a service, if any. */
  getRecords(serviceId: string): readonly FactoryRecord[] | undefined {
    return this.#records.get(serviceId);
  }

  /** Factories that a factory of higher precedence replaced, by service id. */
  getOverridden(serviceId: string): readonly FactoryRecord[] {
    return this.#overridden.get(serviceId) ?? [];
  }

  /** Every provided factory record, grouped by service id. */
  allRecords(): ReadonlyMap<string, readonly FactoryRecord[]> {
    return this.#records;
  }

  /** Whether some factory can provide `ref` (provided, ref default or synthesised). */
  canProvide(ref: InternalServiceRef): boolean {
    return (
      ref.id === PLUGIN_METADATA_SERVICE_ID ||
      // Supplied by the runtime at startup, from the collected registrations.
      ref.id === 'core.rootInstanceMetadata' ||
      this.#records.has(ref.id) ||
      typeof defaultFactoryLoaderOf(ref) === 'function'
    );
  }

  /**
   * Loads (once per default-factory function) the factory a ref's
   * `defaultFactory` resolves to. Throws `SVC_DEFAULT_FACTORY_FAILED`.
   */
  loadRefDefault(ref: InternalServiceRef): Promise<FactoryRecord> | undefined {
    const loader = defaultFactoryLoaderOf(ref);
    if (typeof loader !== 'function') return undefined;
    let loaded = this.#refDefaults.get(loader);
    if (!loaded) {
      loaded = Promise.resolve()
        .then(() => loader(ref))
        .catch((error: unknown) => {
          throw new OpenstageError(
            'SVC_DEFAULT_FACTORY_LOADER_FAILED',
            { serviceId: ref.id, cause: describeCause(error) },
            { cause: error },
          );
        })
        .then((value) => {
          // SVC-034: the loader may yield the factory or a function returning it.
          const factory =
            typeof value === 'function' && !('$$type' in value)
              ? (value as () => unknown)()
              : value;
          let validated: InternalServiceFactory;
          try {
            validated = validateServiceFactory(factory, `defaultFactory(${ref.id})`);
          } catch (error) {
            throw new OpenstageError(
              'SVC_INVALID_DEFAULT_FACTORY',
              { serviceId: ref.id, reason: describeCause(error) },
              { cause: error },
            );
          }
          if (validated.service.id !== ref.id) {
            throw new OpenstageError('SVC_INVALID_DEFAULT_FACTORY', {
              serviceId: ref.id,
              reason: `it provides '${validated.service.id}'`,
            });
          }
          return {
            factory: validated,
            origin: 'ref' as const,
            source: `defaultFactory of ${ref.id}`,
          };
        });
      // Preflight may load a default without awaiting it right away.
      loaded.catch(() => {});
      this.#refDefaults.set(loader, loaded);
    }
    return loaded;
  }

  #resolve(
    ref: InternalServiceRef,
    pluginId: string,
  ): Promise<readonly FactoryRecord[]> | undefined {
    if (ref.id === PLUGIN_METADATA_SERVICE_ID) {
      return Promise.resolve([
        { factory: createPluginMetadataFactory(pluginId), origin: 'runtime', source: 'runtime' },
      ]);
    }
    const provided = this.#records.get(ref.id);
    if (provided) return Promise.resolve(provided);
    return this.loadRefDefault(ref)?.then((record) => [record]);
  }

  /** The first dependency nobody provides, as `[key, ref]` (preflight normally catches it). */
  #missingDep(factory: InternalServiceFactory): [string, InternalServiceRef] | undefined {
    if (this.#missing.has(factory)) return this.#missing.get(factory);
    const { names, refs } = depsOf(factory);
    let missing: [string, InternalServiceRef] | undefined;
    for (let i = 0; i < refs.length; i++) {
      const dep = refs[i]!;
      if (dep.multiton !== true && !this.canProvide(dep)) {
        missing = [names[i]!, dep];
        break;
      }
    }
    this.#missing.set(factory, missing);
    return missing;
  }

  /**
   * Gets the instance of `ref` for `pluginId` (root services ignore it).
   * Returns `undefined` for a singleton nobody provides and `[]` for such a
   * multiton; multitons resolve to every instance in registration order.
   */
  get(ref: InternalServiceRef, pluginId: string): Promise<unknown> | undefined {
    // Root refs are left to #instantiate, which shares a root instance by factory.
    const known = ref.scope === 'root' ? undefined : this.#gets.get(ref);
    const cached = known?.get(pluginId);
    // A repeat: the instance sets below already hold this service and plugin.
    if (cached) return cached;
    this.#instantiated.add(ref.id);
    this.#instances.add(ref.scope === 'root' ? ref.id : `${ref.id}@${pluginId}`);
    let instance: Promise<unknown> | undefined;
    if (ref.id === PLUGIN_METADATA_SERVICE_ID) {
      // Asked for by most factories of every plugin; nobody can provide it (see add()).
      if (ref.multiton !== true) instance = this.#pluginMetadataOf(pluginId);
    } else {
      // Provided factories resolve at once, so the promise can serve every later call.
      const provided = this.#records.get(ref.id);
      if (provided) instance = this.#getProvided(ref, provided, pluginId);
    }
    if (instance) {
      if (ref.scope !== 'root') {
        if (known) known.set(pluginId, instance);
        else this.#gets.set(ref, new Map([[pluginId, instance]]));
      }
      return instance;
    }
    const resolved = this.#resolve(ref, pluginId);
    if (!resolved) {
      return ref.multiton === true ? Promise.resolve([]) : undefined;
    }
    return resolved.then((records) => this.#getProvided(ref, records, pluginId));
  }

  #pluginMetadataOf(pluginId: string): Promise<unknown> {
    let existing = this.#pluginMetadata.get(pluginId);
    if (!existing) {
      // Made here rather than by createPluginMetadataFactory's factory: ready at once.
      existing = this.#ready(pluginMetadataFor(pluginId));
      this.#pluginMetadata.set(pluginId, existing);
    }
    return existing;
  }

  #getProvided(
    ref: InternalServiceRef,
    records: readonly FactoryRecord[],
    pluginId: string,
  ): Promise<unknown> {
    if (records.length === 1 && ref.multiton !== true) {
      return this.#instantiate(records[0]!.factory, pluginId, '');
    }
    const instances = Promise.all(
      records.map((record, index) =>
        this.#instantiate(record.factory, pluginId, records.length > 1 ? `#${index}` : ''),
      ),
    );
    return ref.multiton === true ? instances : instances.then((all) => all[0]);
  }

  #instantiate(
    factory: InternalServiceFactory,
    pluginId: string,
    suffix: string,
  ): Promise<unknown> {
    const ref = factory.service;
    if (ref.id === PLUGIN_METADATA_SERVICE_ID) return this.#pluginMetadataOf(pluginId);
    if (ref.scope === 'root') {
      let existing = this.#rootInstances.get(factory);
      if (!existing) {
        const settle = this.#holdPlace((p) => this.#rootInstances.set(factory, p));
        existing = this.#createRoot(factory, `${serviceInstanceKey(ref, pluginId)}${suffix}`);
        this.#track(existing);
        this.#rootInstances.set(factory, existing);
        settle(existing);
      }
      return existing;
    }
    let instances = this.#pluginInstances.get(factory);
    if (!instances) {
      instances = {
        // Without createRootContext there is nothing to wait for: the context is undefined.
        context:
          typeof factory.createRootContext === 'function'
            ? this.#track(this.#createRootContext(factory))
            : this.#ready(undefined),
        byPlugin: new Map(),
      };
      this.#pluginInstances.set(factory, instances);
    }
    let existing = instances.byPlugin.get(pluginId);
    if (!existing) {
      const byPlugin = instances.byPlugin;
      const settle = this.#holdPlace((p) => byPlugin.set(pluginId, p));
      existing = this.#createForPlugin(
        factory,
        instances.context,
        pluginId,
        `${serviceInstanceKey(ref, pluginId)}${suffix}`,
      );
      instances.byPlugin.set(pluginId, existing);
      settle(existing);
    }
    return existing;
  }

  /**
   * Stores a placeholder for an instance about to be created and returns what settles it with
   * the instance. Creation resolves ready dependencies synchronously, so without a placeholder a
   * dependency cycle (which preflight rejects, but a direct user of the registry may still build)
   * would recurse until the stack overflows; with it, the cycle waits on itself, as it would
   * with asynchronous creation.
   */
  #holdPlace(store: (placeholder: Promise<unknown>) => void): (instance: Promise<unknown>) => void {
    let settle: (instance: Promise<unknown>) => void = () => {};
    const placeholder = new Promise<unknown>((resolve) => (settle = resolve));
    // Only a cycle ever awaits it; a failed creation is reported through the instance itself.
    placeholder.catch(() => {});
    store(placeholder);
    return settle;
  }

  /**
   * The deps of a factory by name. Deps whose instances are already there are read as they are;
   * only the others are awaited, and with none of those the deps come back at once, without a
   * promise: a plugin's services mostly depend on root services that exist by then.
   */
  #resolveDeps(
    factory: InternalServiceFactory,
    pluginId: string,
    key: string | undefined,
    rootOnly: boolean,
  ): Deps | Promise<Deps> {
    const deps = depsOf(factory);
    const names = rootOnly ? deps.rootNames : deps.names;
    const refs = rootOnly ? deps.rootRefs : deps.refs;
    const values: unknown[] = [];
    let waiting: Array<Promise<unknown>> | undefined;
    let waitingAt: number[] | undefined;
    for (let i = 0; i < refs.length; i++) {
      const instance = this.get(refs[i]!, pluginId);
      if (instance === undefined || this.#settled.has(instance)) {
        values.push(instance && this.#settled.get(instance));
      } else {
        values.push(undefined);
        (waiting ??= []).push(instance);
        (waitingAt ??= []).push(i);
      }
    }
    const build = (): Deps => {
      const resolved: Deps = {};
      for (let i = 0; i < names.length; i++) resolved[names[i]!] = values[i];
      return resolved;
    };
    if (!waiting) return build();
    if (key !== undefined) {
      this.timeline?.waitOn(key, () => refs.map((dep) => serviceInstanceKey(dep, pluginId)));
    }
    return Promise.all(waiting).then((ready) => {
      for (let i = 0; i < ready.length; i++) values[waitingAt![i]!] = ready[i];
      if (key !== undefined) this.timeline?.waitOn(key, []);
      return build();
    });
  }

  /** A promise of `value` whose value {@link ServiceRegistry.#resolveDeps} can read at once. */
  #ready(value: unknown): Promise<unknown> {
    const promise = Promise.resolve(value);
    this.#settled.set(promise, value);
    return promise;
  }

  /** Records the value of `promise` once it fulfills, for {@link ServiceRegistry.#resolveDeps}. */
  #track(promise: Promise<unknown>): Promise<unknown> {
    // The rejection is for the promise's own consumers, which get() hands it to.
    promise.then(
      (value) => void this.#settled.set(promise, value),
      () => {},
    );
    return promise;
  }

  async #createRoot(factory: InternalServiceFactory, key: string): Promise<unknown> {
    const ref = factory.service;
    this.timeline?.begin(key, {
      kind: 'rootService',
      label: `service '${ref.id}'`,
      serviceId: ref.id,
    });
    try {
      const missing = this.#missingDep(factory);
      if (missing) {
        throw new OpenstageError('INIT_MISSING_DEPENDENCY', {
          serviceId: ref.id,
          dependencyKey: missing[0],
          ref: `serviceRef{${missing[1].id}}`,
        });
      }
      for (const dep of depsOf(factory).refs) {
        if (dep.scope !== 'root') {
          throw new OpenstageError('SVC_SCOPE_VIOLATION', {
            serviceId: ref.id,
            dependencyId: dep.id,
          });
        }
      }
      const pending = this.#resolveDeps(factory, 'root', key, false);
      const deps = pending instanceof Promise ? await pending : pending;
      let instance: unknown;
      try {
        instance = await factory.factory(deps, undefined);
      } catch (error) {
        throw new OpenstageError(
          'SVC_FACTORY_FAILED',
          { serviceId: ref.id, cause: describeCause(error) },
          { cause: error },
        );
      }
      this.timeline?.end(key);
      return instance;
    } catch (error) {
      this.timeline?.end(key, error as Error);
      throw error;
    }
  }

  async #createRootContext(factory: InternalServiceFactory): Promise<unknown> {
    const pending = this.#resolveDeps(factory, 'root', undefined, true);
    const deps = pending instanceof Promise ? await pending : pending;
    try {
      return await factory.createRootContext?.(deps);
    } catch (error) {
      throw new OpenstageError(
        'SVC_ROOT_CONTEXT_FAILED',
        { serviceId: factory.service.id, cause: describeCause(error) },
        { cause: error },
      );
    }
  }

  /**
   * Creates a plugin's instance. Not an async function: when the deps and the root context are
   * already there and the factory returns its instance at once, the instance is ready in the
   * same turn, and so are the services of the plugin that depend on it.
   */
  #createForPlugin(
    factory: InternalServiceFactory,
    context: Promise<unknown>,
    pluginId: string,
    key: string,
  ): Promise<unknown> {
    const ref = factory.service;
    this.timeline?.begin(key, {
      kind: 'pluginService',
      label: `service '${ref.id}' of plugin '${pluginId}'`,
      serviceId: ref.id,
      pluginId,
    });
    let deps: Deps | Promise<Deps>;
    try {
      const missing = this.#missingDep(factory);
      if (missing) {
        throw new OpenstageError('INIT_MISSING_DEPENDENCY', {
          serviceId: ref.id,
          pluginId,
          dependencyKey: missing[0],
          ref: `serviceRef{${missing[1].id}}`,
        });
      }
      deps = this.#resolveDeps(factory, pluginId, key, false);
    } catch (error) {
      this.timeline?.end(key, error as Error);
      return Promise.reject(error);
    }
    // The deps first, then the context, as an async function awaiting both would. The value of
    // an instance is recorded as soon as it exists, so that dependents read it directly.
    const onError = (error: unknown): never => {
      this.timeline?.end(key, error as Error);
      throw error;
    };
    if (!(deps instanceof Promise) && this.#settled.has(context)) {
      let value: unknown;
      try {
        value = this.#callFactory(factory, deps, this.#settled.get(context), pluginId, key);
      } catch (error) {
        return Promise.reject(error);
      }
      return value instanceof Promise ? value : this.#ready(value);
    }
    const finish = (ready: Deps, ctx: unknown): unknown => {
      const value = this.#callFactory(factory, ready, ctx, pluginId, key);
      if (!(value instanceof Promise)) this.#settled.set(promise, value);
      return value;
    };
    const withContext = (ready: Deps): unknown =>
      this.#settled.has(context)
        ? finish(ready, this.#settled.get(context))
        : context.then((ctx) => finish(ready, ctx), onError);
    const promise: Promise<unknown> =
      deps instanceof Promise
        ? deps.then(withContext, onError)
        : (withContext(deps) as Promise<unknown>);
    return promise;
  }

  /**
   * Calls a plugin-scoped factory and ends its timeline entry: the instance when the factory
   * returned it, else a promise of it. Fails with `SVC_FACTORY_FAILED`, thrown or rejected.
   */
  #callFactory(
    factory: InternalServiceFactory,
    deps: Deps,
    ctx: unknown,
    pluginId: string,
    key: string,
  ): unknown {
    const failed = (error: unknown): OpenstageError => {
      const wrapped = new OpenstageError(
        'SVC_FACTORY_FAILED',
        { serviceId: factory.service.id, pluginId, cause: describeCause(error) },
        { cause: error },
      );
      this.timeline?.end(key, wrapped);
      return wrapped;
    };
    let result: unknown;
    try {
      const body = factoryBodyOf(factory.factory);
      result = body ? body(deps, ctx) : factory.factory(deps, ctx);
    } catch (error) {
      throw failed(error);
    }
    if (isThenable(result)) {
      return Promise.resolve(result).then(
        (instance) => {
          this.timeline?.end(key);
          return instance;
        },
        (error: unknown) => {
          throw failed(error);
        },
      );
    }
    this.timeline?.end(key);
    return result;
  }

  #eager(): { root: FactoryRecord[]; plugin: FactoryRecord[] } {
    if (!this.#eagerCache) {
      const root: FactoryRecord[] = [];
      const plugin: FactoryRecord[] = [];
      for (const records of this.#records.values()) {
        const first = records[0];
        if (!first) continue;
        const { service, initialization } = first.factory;
        if (service.scope === 'root' && initialization !== 'lazy') root.push(first);
        if (service.scope === 'plugin' && initialization === 'always') plugin.push(first);
      }
      this.#eagerCache = { root, plugin };
    }
    return this.#eagerCache;
  }

  /** Root factories created at startup: every root factory not marked `lazy`. */
  eagerRootRecords(): readonly FactoryRecord[] {
    return this.#eager().root;
  }

  /** Plugin factories created for every plugin: those marked `always`. */
  eagerPluginRecords(): readonly FactoryRecord[] {
    return this.#eager().plugin;
  }

  async initializeEagerRootServices(): Promise<void> {
    await Promise.all(this.eagerRootRecords().map((r) => this.get(r.factory.service, 'root')));
  }

  async initializeEagerPluginServices(pluginId: string): Promise<void> {
    await Promise.all(this.eagerPluginRecords().map((r) => this.get(r.factory.service, pluginId)));
  }
}
