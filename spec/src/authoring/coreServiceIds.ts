import type { CoreServices } from './CoreServices.js';

/**
 * The id of every core service, by its name in `coreServices`.
 *
 * **When to use**: when a runtime, test kit or conformance test needs a core service's id
 * without importing an authoring library, for example to recognise `core.pluginMetadata`.
 *
 * **Details**: the ids are Backstage's, unchanged: services are matched by id, so these strings
 * are part of the wire format.
 *
 * @example
 * ```ts
 * coreServiceIds.rootConfig; // 'core.rootConfig'
 * ```
 *
 * @requirement NAME-033
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
 * @see {@link coreServiceScopes}
 * @category authoring
 * @since 0.1.0
 */
export const coreServiceIds = {
  auth: 'core.auth',
  userInfo: 'core.userInfo',
  cache: 'core.cache',
  rootConfig: 'core.rootConfig',
  database: 'core.database',
  discovery: 'core.discovery',
  rootHealth: 'core.rootHealth',
  httpAuth: 'core.httpAuth',
  httpRouter: 'core.httpRouter',
  lifecycle: 'core.lifecycle',
  logger: 'core.logger',
  auditor: 'core.auditor',
  permissions: 'core.permissions',
  permissionsRegistry: 'core.permissionsRegistry',
  pluginMetadata: 'core.pluginMetadata',
  rootHttpRouter: 'core.rootHttpRouter',
  rootLifecycle: 'core.rootLifecycle',
  rootLogger: 'core.rootLogger',
  scheduler: 'core.scheduler',
  urlReader: 'core.urlReader',
  rootInstanceMetadata: 'core.rootInstanceMetadata',
  rootSystemMetadata: 'core.rootSystemMetadata',
} as const satisfies { readonly [name in keyof CoreServices]: `core.${name}` };
