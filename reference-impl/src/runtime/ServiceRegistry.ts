import { OpenstageError, describeCause } from '../errors/OpenstageError.js';
import { PLUGIN_METADATA_SERVICE_ID } from '../wireFormat/constants.js';
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
    factory: async () => ({ getId: () => pluginId }),
  };
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
    return Object.entries(factory.deps).find(
      ([, dep]) => dep.multiton !== true && !this.canProvide(dep),
    );
  }

  /**
   * Gets the instance of `ref` for `pluginId` (root services ignore it).
   * Returns `undefined` for a singleton nobody provides and `[]` for such a
   * multiton; multitons resolve to every instance in registration order.
   */
  get(ref: InternalServiceRef, pluginId: string): Promise<unknown> | undefined {
    this.#instantiated.add(ref.id);
    this.#instances.add(ref.scope === 'root' ? ref.id : `${ref.id}@${pluginId}`);
    const resolved = this.#resolve(ref, pluginId);
    if (!resolved) {
      return ref.multiton === true ? Promise.resolve([]) : undefined;
    }
    return resolved
      .then((records) =>
        Promise.all(
          records.map((record, index) =>
            this.#instantiate(record.factory, pluginId, records.length > 1 ? `#${index}` : ''),
          ),
        ),
      )
      .then((instances) => (ref.multiton === true ? instances : instances[0]));
  }

  #instantiate(
    factory: InternalServiceFactory,
    pluginId: string,
    suffix: string,
  ): Promise<unknown> {
    const ref = factory.service;
    if (ref.id === PLUGIN_METADATA_SERVICE_ID) {
      let existing = this.#pluginMetadata.get(pluginId);
      if (!existing) {
        existing = factory.factory({}, undefined);
        this.#pluginMetadata.set(pluginId, existing);
      }
      return existing;
    }
    if (ref.scope === 'root') {
      let existing = this.#rootInstances.get(factory);
      if (!existing) {
        existing = this.#createRoot(factory, `${serviceInstanceKey(ref, pluginId)}${suffix}`);
        this.#rootInstances.set(factory, existing);
      }
      return existing;
    }
    let instances = this.#pluginInstances.get(factory);
    if (!instances) {
      instances = { context: this.#createRootContext(factory), byPlugin: new Map() };
      this.#pluginInstances.set(factory, instances);
    }
    let existing = instances.byPlugin.get(pluginId);
    if (!existing) {
      existing = this.#createForPlugin(
        factory,
        instances.context,
        pluginId,
        `${serviceInstanceKey(ref, pluginId)}${suffix}`,
      );
      instances.byPlugin.set(pluginId, existing);
    }
    return existing;
  }

  #resolveDeps(
    factory: InternalServiceFactory,
    pluginId: string,
    key: string | undefined,
    filter: (dep: InternalServiceRef) => boolean,
  ): Promise<{ [name in string]: unknown }> {
    const entries = Object.entries(factory.deps).filter(([, dep]) => filter(dep));
    if (key !== undefined) {
      this.timeline?.waitOn(
        key,
        entries.map(([, dep]) => serviceInstanceKey(dep, pluginId)),
      );
    }
    return Promise.all(
      entries.map(async ([name, dep]) => [name, await this.get(dep, pluginId)] as const),
    ).then((resolved) => {
      if (key !== undefined) this.timeline?.waitOn(key, []);
      return Object.fromEntries(resolved);
    });
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
      for (const dep of Object.values(factory.deps)) {
        if (dep.scope !== 'root') {
          throw new OpenstageError('SVC_SCOPE_VIOLATION', {
            serviceId: ref.id,
            dependencyId: dep.id,
          });
        }
      }
      const deps = await this.#resolveDeps(factory, 'root', key, () => true);
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
    const deps = await this.#resolveDeps(factory, 'root', undefined, (dep) => dep.scope === 'root');
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

  async #createForPlugin(
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
      const deps = await this.#resolveDeps(factory, pluginId, key, () => true);
      const ctx = await context;
      let instance: unknown;
      try {
        instance = await factory.factory(deps, ctx);
      } catch (error) {
        throw new OpenstageError(
          'SVC_FACTORY_FAILED',
          { serviceId: ref.id, pluginId, cause: describeCause(error) },
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
