import type { Mutant } from './Mutant.js';

/** A mutant of one core service, judged by that service's contract suite. */
export interface ServiceMutant extends Mutant {
  /** The service ids whose implementation the edit changes. */
  services: readonly string[];
}

/**
 * Mutants of the reference core services. Each is judged by the service contract suites
 * (src/suites/services) with the mutated service in the adapter's `services` map.
 */
export const serviceMutants: readonly ServiceMutant[] = [
  {
    name: 'cache-ttl-off-by-one',
    description: 'a memory cache entry is still returned at the very millisecond its TTL ends',
    file: 'services/cache/stores/memory.ts',
    find: 'if (entry.expiresAt !== undefined && this.#clock.now() >= entry.expiresAt) {',
    replace: 'if (entry.expiresAt !== undefined && this.#clock.now() > entry.expiresAt) {',
    services: ['core.cache'],
    breaks: ['CACHE-046'],
    tests: ['service-cache/ttl-boundary'],
  },
  {
    name: 'cache-keys-shared-between-plugins',
    description: 'every plugin’s cache client uses the same key namespace',
    file: 'services/cache/CacheManager.ts',
    find: '{ store: this.#store, pluginId, namespace: `${pluginId}:`, health },',
    replace: "{ store: this.#store, pluginId, namespace: '', health },",
    services: ['core.cache'],
    breaks: ['CACHE-031', 'CACHE-032'],
    tests: ['service-cache/plugin-isolation'],
  },
  {
    name: 'global-task-on-every-instance',
    description: 'a global task is run like a local one, by every backend that schedules it',
    file: 'services/scheduler/PluginTaskScheduler.ts',
    find: "if (schedule.scope === 'global') {",
    replace: "if (schedule.scope === 'global' && false) {",
    services: ['core.scheduler'],
    breaks: ['SCHED-051', 'SCHED-052'],
    tests: ['service-scheduler/global-task-once'],
  },
  {
    name: 'scheduler-runs-twice-per-due-time',
    description: 'a local task with a due run runs twice in a row, each due time',
    file: 'services/scheduler/LocalTaskWorker.ts',
    find: '      await this.#runOnce();',
    replace: '      await this.#runOnce();\n      await this.#runOnce();',
    services: ['core.scheduler'],
    breaks: ['SCHED-033', 'SCHED-034'],
    tests: ['service-scheduler/interval-on-clock', 'service-scheduler/manual-task-model'],
  },
  {
    name: 'logger-redacts-first-occurrence-only',
    description: 'the root logger replaces only the first occurrence of a secret in each line',
    file: 'services/rootLogger/Redactor.ts',
    find: 'return re === undefined ? line : line.replace(re, REPLACEMENT);',
    replace: 'return re === undefined ? line : line.replace(new RegExp(re.source), REPLACEMENT);',
    services: ['core.rootLogger'],
    breaks: ['LOG-034'],
    tests: ['service-logger/redacts-config-secrets'],
  },
  {
    name: 'auth-barrier-default-allow',
    description: 'the credentials barrier lets a request through when its credentials are refused',
    file: 'services/httpRouter/createCredentialsBarrier.ts',
    find: 'httpAuth.credentials(req, checkOptions).then(() => next(), next);',
    replace: 'httpAuth.credentials(req, checkOptions).then(() => next(), () => next());',
    services: ['core.httpRouter'],
    breaks: ['HTTP-022'],
    tests: ['service-http-router/default-deny'],
  },
  {
    name: 'forged-plugin-token-accepted',
    description: 'a plugin token is accepted without checking its signature or expiry',
    file: 'services/auth/plugin/PluginTokenHandler.ts',
    find: '      ({ payload } = await jwtVerify(token, this.#keySets.resolverFor(url), {',
    replace:
      '      ({ payload } = { payload: parts.payload as Record<string, unknown> });\n      if (Date.now() < 0) ({ payload } = await jwtVerify(token, this.#keySets.resolverFor(url), {',
    services: ['core.auth'],
    breaks: ['AUTH-050', 'AUTH-051'],
    tests: ['service-auth/forged-and-expired-rejected'],
  },
  {
    name: 'url-reader-reads-not-allowed-url',
    description: 'a URL that no reader accepts is handed to the first reader anyway',
    file: 'services/urlReader/DefaultUrlReader.ts',
    find: 'const match = this.readers.find(({ predicate }) => predicate(parsed));',
    replace:
      'const match = this.readers.find(({ predicate }) => predicate(parsed)) ?? this.readers[0];',
    services: ['core.urlReader'],
    breaks: ['URL-034', 'URL-035'],
    tests: ['service-url-reader/not-allowed-without-request'],
  },
  {
    name: 'lifecycle-hooks-awaited-in-turn',
    description: 'each lifecycle hook is called only once the one added before it has settled',
    file: 'services/rootLifecycle/runHooks.ts',
    find: '  const settled = hooks.map(async ({ hook, logger }): Promise<HookSettlement> => {\n    try {\n      await hook();',
    replace:
      '  let chain: Promise<unknown> = Promise.resolve();\n  const settled = hooks.map(async ({ hook, logger }): Promise<HookSettlement> => {\n    const turn = chain.then(() => hook());\n    chain = turn.catch(() => undefined);\n    try {\n      await turn;',
    services: ['core.lifecycle'],
    breaks: ['LIFE-014'],
    tests: ['service-lifecycle/hook-model'],
  },
  {
    name: 'lifecycle-phase-does-not-await-hooks',
    description: 'a lifecycle phase resolves as soon as its hooks are called, before they settle',
    file: 'services/rootLifecycle/runHooks.ts',
    find: '  await Promise.all(settled);\n}',
    replace: '  void Promise.all(settled);\n}',
    services: ['core.lifecycle'],
    breaks: ['LIFE-015'],
    tests: ['service-lifecycle/hook-model'],
  },
  {
    name: 'permission-decisions-by-position',
    description: 'the answers of the permission plugin are taken in the order received, not by id',
    file: 'services/permissions/parseAuthorizeAnswer.ts',
    find: '  return ids.map((id) => {\n    const decision = byId.get(id);',
    replace: '  return ids.map((id, index) => {\n    const decision = [...byId.values()][index];',
    services: ['core.permissions'],
    breaks: ['PERM-055'],
    tests: ['service-permissions/enabled-asks-permission-plugin'],
  },
  {
    name: 'is-principal-always-true',
    description: 'isPrincipal answers true whatever type it is asked about',
    file: 'services/auth/DefaultAuthService.ts',
    find: "    if (type === 'unknown') return true;",
    replace: "    if (type === 'unknown' || type !== '') return true;",
    services: ['core.auth'],
    breaks: ['AUTH-023'],
    tests: ['service-auth/plugin-token-roundtrip'],
  },
];
