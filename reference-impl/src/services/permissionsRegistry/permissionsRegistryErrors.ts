/**
 * The errors of the permissions registry (spec/docs/services/permissions-registry.md,
 * "Errors"), shaped like the entries of `src/errors/errorCatalog.ts` so they can move there
 * unchanged. Route errors carry `statusCode` for the HTTP error handler (RHTTP-066).
 */
export type PermissionsRegistryErrorCode =
  | 'PREG_ADD_AFTER_START'
  | 'PREG_RESOURCE_PLUGIN_MISMATCH'
  | 'PREG_DUPLICATE_RESOURCE_TYPE'
  | 'PREG_DUPLICATE_RULE'
  | 'PREG_UNKNOWN_RULE'
  | 'PREG_INVALID_REQUEST'
  | 'PREG_UNKNOWN_RESOURCE_TYPE'
  | 'PREG_RESOURCES_UNAVAILABLE'
  | 'PREG_INVALID_RULE_PARAMS';

type Details = {
  pluginId?: string;
  refPluginId?: string;
  resourceType?: string;
  resourceTypes?: string[];
  rule?: string;
  method?: string;
  reason?: string;
};

interface Entry {
  requirement: string;
  name: string;
  statusCode?: number;
  message: (d: Details) => string;
  hint: string;
}

const catalog: Record<PermissionsRegistryErrorCode, Entry> = {
  PREG_ADD_AFTER_START: {
    requirement: 'PREG-009',
    name: 'Error',
    message: (d) =>
      `Cannot call ${d.method} of the permissions registry of plugin '${d.pluginId}' after the plugin has started`,
    hint: 'Register permissions, rules and resource types during the init of the plugin or module.',
  },
  PREG_RESOURCE_PLUGIN_MISMATCH: {
    requirement: 'PREG-007',
    name: 'Error',
    message: (d) =>
      `Resource type '${d.resourceType}' belongs to plugin '${d.refPluginId}', but was used with plugin '${d.pluginId}'`,
    hint: "Create the resource ref with the owning plugin's id, and register it only there.",
  },
  PREG_DUPLICATE_RESOURCE_TYPE: {
    requirement: 'PREG-014',
    name: 'Error',
    message: (d) =>
      `Resource type '${d.resourceType}' is already registered for plugin '${d.pluginId}'`,
    hint: 'Register each resource type once, in the plugin that owns it.',
  },
  PREG_DUPLICATE_RULE: {
    requirement: 'PREG-015',
    name: 'Error',
    message: (d) =>
      `Rule '${d.rule}' is already registered for resource type '${d.resourceType}' of plugin '${d.pluginId}'`,
    hint: 'Give each rule of a resource type a unique name.',
  },
  PREG_UNKNOWN_RULE: {
    requirement: 'PREG-006',
    name: 'InputError',
    statusCode: 400,
    message: (d) =>
      `Unknown permission rule '${d.rule}' for resource type '${d.resourceType}' of plugin '${d.pluginId}'`,
    hint: 'Register the rule with addPermissionRules or addResourceType, or fix the policy that names it.',
  },
  PREG_INVALID_REQUEST: {
    requirement: 'PREG-028',
    name: 'InputError',
    statusCode: 400,
    message: (d) => `Invalid apply-conditions request: ${d.reason}`,
    hint: 'Send { items: [{ id, resourceType, resourceRef, conditions }] }.',
  },
  PREG_UNKNOWN_RESOURCE_TYPE: {
    requirement: 'PREG-029',
    name: 'InputError',
    statusCode: 400,
    message: (d) =>
      `Unexpected resource types for plugin '${d.pluginId}': ${(d.resourceTypes ?? []).join(', ')}`,
    hint: "Send conditions to the plugin named in the conditional decision's pluginId.",
  },
  PREG_RESOURCES_UNAVAILABLE: {
    requirement: 'PREG-030',
    name: 'NotImplementedError',
    statusCode: 501,
    message: (d) =>
      `Resource type '${d.resourceType}' of plugin '${d.pluginId}' has no getResources, so conditions cannot be applied to it`,
    hint: 'Pass getResources to addResourceType.',
  },
  PREG_INVALID_RULE_PARAMS: {
    requirement: 'PREG-031',
    name: 'InputError',
    statusCode: 400,
    message: (d) =>
      `Invalid params for rule '${d.rule}' of resource type '${d.resourceType}': ${d.reason}`,
    hint: "Fix the parameters in the permission policy to match the rule's paramsSchema.",
  },
};

/** An error of the permissions registry, narrowable by `code`. */
export class PermissionsRegistryError extends Error {
  override readonly name: string;
  readonly code: PermissionsRegistryErrorCode;
  readonly requirement: string;
  readonly hint: string;
  readonly statusCode: number | undefined;
  readonly pluginId: string | undefined;
  readonly resourceType: string | undefined;

  constructor(code: PermissionsRegistryErrorCode, details: Details) {
    const entry = catalog[code];
    super(`${entry.message(details)} [${code}, ${entry.requirement}]`);
    this.name = entry.name;
    this.code = code;
    this.requirement = entry.requirement;
    this.hint = entry.hint;
    this.statusCode = entry.statusCode;
    this.pluginId = details.pluginId;
    this.resourceType = details.resourceType;
  }
}
