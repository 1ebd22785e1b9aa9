import type { CoreServices } from './CoreServices.js';

/**
 * The scope of every core service, by its name in `coreServices`.
 *
 * **When to use**: when a runtime, test kit or conformance test needs to know whether a core
 * service is root- or plugin-scoped without importing an authoring library.
 *
 * **Details**: checked against {@link CoreServices} by the compiler, so the two cannot drift.
 *
 * @requirement LOG-001
 * @requirement LOG-002
 * @requirement RCFG-001
 * @requirement LIFE-001
 * @requirement LIFE-002
 * @requirement RHTTP-001
 * @requirement HTTP-001
 * @requirement HLTH-001
 * @requirement DISC-001
 * @requirement AUTH-020
 * @requirement HAUTH-001
 * @requirement UINFO-001
 * @requirement PERM-001
 * @requirement PREG-001
 * @requirement AUDIT-001
 * @requirement DB-001
 * @requirement CACHE-001
 * @requirement SCHED-001
 * @requirement URL-001
 * @requirement PMETA-001
 * @requirement IMETA-001
 * @requirement SMETA-001
 * @see {@link CoreServices}
 * @see {@link coreServiceIds}
 * @category authoring
 * @since 0.1.0
 */
export const coreServiceScopes = {
  auth: 'plugin',
  userInfo: 'plugin',
  cache: 'plugin',
  rootConfig: 'root',
  database: 'plugin',
  discovery: 'plugin',
  rootHealth: 'root',
  httpAuth: 'plugin',
  httpRouter: 'plugin',
  lifecycle: 'plugin',
  logger: 'plugin',
  auditor: 'plugin',
  permissions: 'plugin',
  permissionsRegistry: 'plugin',
  pluginMetadata: 'plugin',
  rootHttpRouter: 'root',
  rootLifecycle: 'root',
  rootLogger: 'root',
  scheduler: 'plugin',
  urlReader: 'plugin',
  rootInstanceMetadata: 'root',
  rootSystemMetadata: 'root',
} as const satisfies { readonly [name in keyof CoreServices]: CoreServices[name]['scope'] };
