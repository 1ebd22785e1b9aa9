import { createServer } from 'node:net';
import type { JsonObject, JsonValue, ServiceFactory } from '@openstage/spec';
import { AssertionFailure } from '../../harness/AssertionFailure.js';
import { createSuiteClock, type SuiteClock } from '../../harness/createSuiteClock.js';
import type { TestBackend, TestContext } from '../../harness/TestContext.js';
import { plugin, serviceRef, type TestServiceRef } from '../../features/index.js';

const ROOT_LOGGER = 'core.rootLogger';

/** Scopes of the core services the service suites reach through probe plugins. */
const ROOT_SCOPED = new Set([
  'core.rootConfig',
  'core.rootHttpRouter',
  'core.rootLifecycle',
  ROOT_LOGGER,
]);

/** A ref of a core service by id, with the scope of the spec's service chapter. */
export function coreRef(id: string): TestServiceRef {
  return serviceRef({ id, scope: ROOT_SCOPED.has(id) ? 'root' : 'plugin' });
}

/** A plugin that captures the instances of `deps` (service ids) when its `init` runs. */
export interface Probe {
  pluginId: string;
  /** Service ids the probe depends on. */
  services: readonly string[];
  /** Runs inside the probe's `init`, after capture; for hooks that must be added during init. */
  init?: (instances: Record<string, unknown>) => unknown;
}

/** Options of {@link serviceBackend}. */
export interface ServiceBackendOptions {
  /** Configuration merged over the suite's base configuration (listen port, database). */
  config?: JsonObject;
  probes: readonly Probe[];
  /** Extra features added before start. */
  features?: readonly unknown[];
  /** Share one clock between backends; by default each backend gets a fresh one. */
  clock?: SuiteClock;
  /** Share one listen port choice; by default each backend gets a free port. */
  port?: number;
  /**
   * Install the factories of the service under test through the backend's `add()` instead of
   * as default factories (CLS-009); the other declared services stay defaults.
   */
  viaAdd?: boolean;
  /**
   * Install the adapter's own `core.rootLogger` (when it declares one), writing its lines to
   * this sink, in place of the suite's capturing root logger. Other tests never get it, because
   * they judge what reaches the capturing one (`ctx.logs`).
   */
  rootLoggerOutput?: (line: string) => void;
}

/** A started backend with what its probes captured. */
export interface ServiceBackend {
  backend: TestBackend;
  /** Instances by probe plugin id, then by service id. */
  instances: Record<string, Record<string, unknown>>;
  /** The clock handed to services that declared `clock: true`. */
  clock: SuiteClock;
  /** Whether the service under test honours the suite clock. */
  clocked: boolean;
  /** `http://127.0.0.1:<port>`, where the backend's root HTTP router listens. */
  baseUrl: string;
  port: number;
  config: JsonObject;
}

/** A port the operating system reports free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `over` merged into `base`, objects recursively, everything else replaced. */
export function mergeConfig(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key];
    out[key] = isObject(prior) && isObject(value) ? mergeConfig(prior, value) : value;
  }
  return out;
}

/**
 * The configuration every service backend starts from: a free port on the loopback interface,
 * a base URL on it, and an in-memory SQLite database per plugin, which every default
 * implementation accepts (DB-057).
 */
export function baseConfig(port: number): JsonObject {
  return {
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
  };
}

/**
 * Fresh factories of every service the adapter declares, with `config` and, for services that
 * honour it, `clock`. Every declared service goes in, not only the one under test, because the
 * service under test depends on others (httpRouter on auth and rootHttpRouter, and so on).
 */
export function declaredFactories(
  ctx: TestContext,
  config: JsonObject,
  clock: SuiteClock,
  only?: (serviceId: string) => boolean,
  rootLoggerOutput?: (line: string) => void,
): ServiceFactory[] {
  const factories: ServiceFactory[] = [];
  for (const [id, sut] of Object.entries(ctx.servicesUnderTest)) {
    if (!sut || (only && !only(id))) continue;
    if (id === ROOT_LOGGER && !rootLoggerOutput) continue;
    const made = sut.factory({
      config,
      ...(sut.clock ? { clock } : {}),
      ...(id === ROOT_LOGGER && rootLoggerOutput ? { output: rootLoggerOutput } : {}),
    });
    const list = (Array.isArray(made) ? made : [made]) as ServiceFactory[];
    if (list.length === 0)
      throw new Error(`adapter '${ctx.adapterName}': services['${id}'] returned no factory`);
    factories.push(...list);
  }
  return factories;
}

/**
 * Builds and starts a backend with the adapter's declared services and one probe plugin per
 * entry of `probes`, and returns the service instances the probes captured. The service under
 * test (`serviceId`) must be declared; the harness has already ended the test as
 * `not-supported` otherwise.
 */
export async function serviceBackend(
  ctx: TestContext,
  serviceId: string,
  options: ServiceBackendOptions,
): Promise<ServiceBackend> {
  const sut = ctx.servicesUnderTest[serviceId];
  if (!sut) throw new AssertionFailure(`service ${serviceId} is not declared by the adapter`);
  const port = options.port ?? (await freePort());
  const config = mergeConfig(baseConfig(port), options.config ?? {});
  const clock = options.clock ?? createSuiteClock();
  const instances: Record<string, Record<string, unknown>> = {};
  const probes = options.probes.map((probe) =>
    plugin({
      pluginId: probe.pluginId,
      deps: Object.fromEntries(probe.services.map((id) => [id, coreRef(id)])),
      init: (deps) => {
        instances[probe.pluginId] = deps;
        return probe.init?.(deps);
      },
    }),
  );
  const added = options.viaAdd
    ? declaredFactories(ctx, config, clock, (id) => id === serviceId)
    : [];
  const backend = ctx.createBackend({
    services: declaredFactories(
      ctx,
      config,
      clock,
      (id) => !options.viaAdd || id !== serviceId,
      options.rootLoggerOutput,
    ),
    features: [...added, ...(options.features ?? []), ...probes],
    config,
  });
  await backend.start();
  return {
    backend,
    instances,
    clock,
    clocked: sut.clock === true,
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    config,
  };
}

/** The instance of `serviceId` that probe `pluginId` captured. */
export function instance<T>(sb: ServiceBackend, pluginId: string, serviceId: string): T {
  const value = sb.instances[pluginId]?.[serviceId];
  if (value === undefined || value === null)
    throw new AssertionFailure(`probe '${pluginId}' received no ${serviceId} instance`);
  return value as T;
}

/**
 * Lets time pass for a service under test: on the suite clock when the service honours it,
 * otherwise in real time (the caller keeps durations short).
 */
export async function elapse(sb: ServiceBackend, ms: number): Promise<void> {
  if (sb.clocked) await sb.clock.advance(ms);
  else await new Promise((resolve) => setTimeout(resolve, ms));
}
