import type {
  CacheService,
  DiscoveryService,
  HttpRouterService,
  HttpRouterServiceAuthPolicy,
  RootHttpRouterService,
} from '@openstage/spec';
import {
  capturingRootLoggerFactory,
  type CapturedLogEntry,
} from '../../features/capturingRootLogger.js';
import { coreRefs } from '../../features/coreRefs.js';
import { recordingLifecycleFactories } from '../../features/recordingLifecycle.js';
import { serviceFactory, type TestServiceFactory } from '../../features/serviceFactory.js';
import { serviceRef } from '../../features/serviceRef.js';

/** What the feature suite's mock services saw while a feature ran on them. */
export interface MockServiceRecord {
  logs: CapturedLogEntry[];
  /** Lifecycle phases the runtime triggered, as `plugin:<id>:startup`, `root:shutdown`, ... */
  lifecycle: string[];
  /** `httpRouter.use` calls, by plugin id. */
  routers: { pluginId: string; handler: unknown }[];
  /** `httpRouter.addAuthPolicy` calls, by plugin id. */
  authPolicies: { pluginId: string; policy: HttpRouterServiceAuthPolicy }[];
  /** `rootHttpRouter.use` calls. */
  rootRoutes: { path: string; handler: unknown }[];
  /** Task ids given to the scheduler; the mock never runs them. */
  scheduledTasks: { pluginId: string; id: string }[];
}

const ref = (id: string, scope: 'root' | 'plugin') => serviceRef({ id, scope });
const idOf = (metadata: unknown) => (metadata as { getId(): string }).getId();

/** Thrown by mock methods a feature cannot use in the suite, naming what to do instead. */
function unavailable(service: string, pluginId: string, method: string): never {
  throw new Error(
    `plugin '${pluginId}' called ${service}.${method}(), which the feature suite's mock ${service} does not provide; pass a real factory for core.${service} through checkFeaturePackage({ services }) or --services`,
  );
}

/**
 * The feature suite's own minimal mocks of the core services plugins commonly use. They are
 * installed as the backend's default service factories, so a feature package starts without a
 * database, a network or credentials; they record what the feature asked of them. Services that
 * need real infrastructure (`database`, `urlReader`) fail loudly when used, naming the plugin.
 */
export function featureMockServices(): {
  factories: TestServiceFactory[];
  record: MockServiceRecord;
} {
  const record: MockServiceRecord = {
    logs: [],
    lifecycle: [],
    routers: [],
    authPolicies: [],
    rootRoutes: [],
    scheduledTasks: [],
  };
  const meta = { metadata: coreRefs.pluginMetadata };
  const pluginService = (
    id: string,
    create: (pluginId: string, deps: Record<string, unknown>) => unknown,
    deps: Record<string, ReturnType<typeof ref>> = {},
  ) =>
    serviceFactory({
      service: ref(id, 'plugin'),
      deps: { ...meta, ...deps },
      factory: (resolved) => create(idOf(resolved['metadata']), resolved),
    });

  const factories: TestServiceFactory[] = [
    capturingRootLoggerFactory(record.logs),
    ...recordingLifecycleFactories(record.lifecycle),
    pluginService(
      'core.logger',
      (pluginId, { root }) => (root as { child(f: object): unknown }).child({ plugin: pluginId }),
      { root: coreRefs.rootLogger },
    ),
    pluginService('core.httpRouter', (pluginId): HttpRouterService => ({
      use(handler) {
        // HTTP-005: a non-function handler is refused, naming the plugin.
        if (typeof handler !== 'function')
          throw new TypeError(`plugin '${pluginId}': httpRouter.use() needs a handler function`);
        record.routers.push({ pluginId, handler });
      },
      addAuthPolicy(policy) {
        if (policy?.allow !== 'unauthenticated' && policy?.allow !== 'user-cookie')
          throw new TypeError(
            `plugin '${pluginId}': addAuthPolicy() needs allow 'unauthenticated' or 'user-cookie', received ${JSON.stringify(policy?.allow)}`,
          );
        record.authPolicies.push({ pluginId, policy });
      },
    })),
    serviceFactory({
      service: ref('core.rootHttpRouter', 'root'),
      factory: (): RootHttpRouterService => ({
        use(path, handler) {
          record.rootRoutes.push({ path: String(path), handler });
        },
      }),
    }),
    pluginService('core.discovery', (): DiscoveryService => ({
      getBaseUrl: async (pluginId) => `http://localhost:7007/api/${pluginId}`,
      getExternalBaseUrl: async (pluginId) => `http://localhost:7007/api/${pluginId}`,
    })),
    pluginService('core.auth', (pluginId) => {
      const service = { type: 'service', subject: `plugin:${pluginId}` };
      const credentials = (principal: object) => ({
        $$type: '@backstage/BackstageCredentials',
        version: 'v1',
        principal,
      });
      return {
        authenticate: async () => credentials(service),
        isPrincipal: (c: { principal?: { type?: string } }, type: string) =>
          type === 'unknown' || c?.principal?.type === type,
        getNoneCredentials: async () => credentials({ type: 'none' }),
        getOwnServiceCredentials: async () => credentials(service),
        getPluginRequestToken: async () => ({ token: `mock-token-for-${pluginId}` }),
        getLimitedUserToken: async () => ({ token: 'mock-limited-token', expiresAt: new Date() }),
        listPublicServiceKeys: async () => ({ keys: [] }),
      };
    }),
    pluginService('core.httpAuth', (pluginId) => ({
      credentials: async () => ({
        $$type: '@backstage/BackstageCredentials',
        version: 'v1',
        principal: { type: 'service', subject: `plugin:${pluginId}` },
      }),
      issueUserCookie: async () => ({ expiresAt: new Date() }),
    })),
    pluginService('core.userInfo', () => ({
      getUserInfo: async () => ({ userEntityRef: 'user:default/mock', ownershipEntityRefs: [] }),
    })),
    pluginService('core.cache', (): CacheService => {
      const entries = new Map<string, unknown>();
      const cache: CacheService = {
        get: async (key) => entries.get(key) as never,
        set: async (key, value) => void entries.set(key, value),
        delete: async (key) => void entries.delete(key),
        withOptions: () => cache,
      };
      return cache;
    }),
    pluginService('core.permissions', () => ({
      authorize: async (requests: unknown[]) => requests.map(() => ({ result: 'ALLOW' })),
      authorizeConditional: async (requests: unknown[]) =>
        requests.map(() => ({ result: 'ALLOW' })),
    })),
    pluginService('core.permissionsRegistry', () => ({
      addPermissions: () => undefined,
      addResourceType: () => undefined,
      addPermissionRules: () => undefined,
      getPermissionRuleset: () => ({ getRuleByName: () => undefined }),
    })),
    pluginService('core.auditor', () => ({
      createEvent: async () => ({ success: async () => undefined, fail: async () => undefined }),
    })),
    pluginService('core.scheduler', (pluginId) => {
      const schedule = (task: { id?: unknown }) =>
        void record.scheduledTasks.push({ pluginId, id: String(task?.id) });
      return {
        scheduleTask: async (task: { id?: unknown }) => schedule(task),
        createScheduledTaskRunner: () => ({
          run: async (task: { id?: unknown }) => schedule(task),
        }),
        triggerTask: async () => undefined,
        getScheduledTasks: async () => record.scheduledTasks.filter((t) => t.pluginId === pluginId),
      };
    }),
    pluginService('core.database', (pluginId) => ({
      getClient: async () => unavailable('database', pluginId, 'getClient'),
      migrations: { skip: true },
    })),
    pluginService('core.urlReader', (pluginId) => ({
      readUrl: async () => unavailable('urlReader', pluginId, 'readUrl'),
      readTree: async () => unavailable('urlReader', pluginId, 'readTree'),
      search: async () => unavailable('urlReader', pluginId, 'search'),
    })),
  ];
  return { factories, record };
}
