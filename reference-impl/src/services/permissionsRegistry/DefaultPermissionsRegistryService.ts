import type {
  LifecycleService,
  Permission,
  PermissionResourceRef,
  PermissionRule,
  PermissionRuleset,
  PermissionsRegistryService,
  PermissionsRegistryServiceAddResourceTypeOptions,
} from '@openstage/spec';
import { PermissionsRegistryError } from './permissionsRegistryErrors.js';

// Rules are stored for any resource, query and parameter types; those types are contravariant
// in a rule, so nothing narrower than any accepts every registered rule.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPermissionRule = PermissionRule<any, any, string, any>;

/** What the registry holds for one resource type. */
export interface RegisteredResourceType {
  readonly resourceType: string;
  readonly rules: Map<string, AnyPermissionRule>;
  getResources: ((resourceRefs: string[]) => Promise<Array<unknown>>) | undefined;
  /** Whether `addResourceType` registered it, as opposed to rules alone. */
  declared: boolean;
}

/**
 * The default permissions registry of one plugin: permissions, resource types and rules
 * registered during init, frozen once the plugin's startup hooks run (PREG-009 to PREG-012).
 */
export class DefaultPermissionsRegistryService implements PermissionsRegistryService {
  readonly #pluginId: string;
  readonly #permissions = new Map<string, Permission>();
  readonly #resourceTypes = new Map<string, RegisteredResourceType>();
  #started = false;

  constructor(pluginId: string, lifecycle: Pick<LifecycleService, 'addStartupHook'>) {
    this.#pluginId = pluginId;
    lifecycle.addStartupHook(() => {
      this.#started = true;
    });
  }

  get pluginId(): string {
    return this.#pluginId;
  }

  /** Every registered permission, later registrations of a name replacing earlier ones. */
  listPermissions(): Permission[] {
    return [...this.#permissions.values()];
  }

  /** Every registered resource type with its rules. */
  listResourceTypes(): RegisteredResourceType[] {
    return [...this.#resourceTypes.values()];
  }

  /** The registration of a resource type, if any. */
  getResourceType(resourceType: string): RegisteredResourceType | undefined {
    return this.#resourceTypes.get(resourceType);
  }

  addPermissions(permissions: Permission[]): void {
    this.#assertNotStarted('addPermissions'); // PREG-010
    for (const permission of permissions) this.#permissions.set(permission.name, permission); // PREG-016
  }

  addPermissionRules(rules: AnyPermissionRule[]): void {
    this.#assertNotStarted('addPermissionRules'); // PREG-011
    this.#checkNewRules(rules);
    for (const rule of rules) this.#entry(rule.resourceType).rules.set(rule.name, rule); // PREG-003
  }

  addResourceType<const TResourceType extends string, TResource, TQuery>(
    options: PermissionsRegistryServiceAddResourceTypeOptions<TResourceType, TResource, TQuery>,
  ): void {
    this.#assertNotStarted('addResourceType'); // PREG-009
    const { resourceRef, rules, permissions, getResources } = options;
    this.#assertOwnRef(resourceRef); // PREG-007
    const existing = this.#resourceTypes.get(resourceRef.resourceType);
    if (existing?.declared) {
      throw new PermissionsRegistryError('PREG_DUPLICATE_RESOURCE_TYPE', {
        pluginId: this.#pluginId,
        resourceType: resourceRef.resourceType,
      });
    }
    const typed = rules.map(
      (rule) => ({ ...rule, resourceType: resourceRef.resourceType }) as AnyPermissionRule,
    );
    this.#checkNewRules(typed);
    const entry = this.#entry(resourceRef.resourceType);
    entry.declared = true;
    entry.getResources = getResources as RegisteredResourceType['getResources'];
    for (const rule of typed) entry.rules.set(rule.name, rule);
    if (permissions) for (const p of permissions) this.#permissions.set(p.name, p);
  }

  getPermissionRuleset<TResourceType extends string, TResource, TQuery>(
    resourceRef: PermissionResourceRef<TResource, TQuery, TResourceType>,
  ): PermissionRuleset<TResource, TQuery, TResourceType> {
    this.#assertOwnRef(resourceRef); // PREG-008
    const pluginId = this.#pluginId;
    const { resourceType } = resourceRef;
    // Looked up at call time, so rules added after this call are found too (PREG-013).
    const registry = this.#resourceTypes;
    return {
      getRuleByName: (name: string) => {
        const rule = registry.get(resourceType)?.rules.get(name);
        if (!rule)
          throw new PermissionsRegistryError('PREG_UNKNOWN_RULE', {
            pluginId,
            resourceType,
            rule: name,
          }); // PREG-006
        return rule as PermissionRule<TResource, TQuery, TResourceType>;
      },
    };
  }

  #entry(resourceType: string): RegisteredResourceType {
    let entry = this.#resourceTypes.get(resourceType);
    if (!entry) {
      entry = { resourceType, rules: new Map(), getResources: undefined, declared: false };
      this.#resourceTypes.set(resourceType, entry);
    }
    return entry;
  }

  /** PREG-015, checked before anything is stored so a failed call registers nothing. */
  #checkNewRules(rules: readonly AnyPermissionRule[]): void {
    const seen = new Set<string>();
    for (const rule of rules) {
      const key = `${rule.resourceType}\u0000${rule.name}`;
      if (seen.has(key) || this.#resourceTypes.get(rule.resourceType)?.rules.has(rule.name)) {
        throw new PermissionsRegistryError('PREG_DUPLICATE_RULE', {
          pluginId: this.#pluginId,
          resourceType: rule.resourceType,
          rule: rule.name,
        });
      }
      seen.add(key);
    }
  }

  #assertOwnRef(resourceRef: { pluginId: string; resourceType: string }): void {
    if (resourceRef.pluginId !== this.#pluginId) {
      throw new PermissionsRegistryError('PREG_RESOURCE_PLUGIN_MISMATCH', {
        pluginId: this.#pluginId,
        refPluginId: resourceRef.pluginId,
        resourceType: resourceRef.resourceType,
      });
    }
  }

  #assertNotStarted(method: string): void {
    if (this.#started)
      throw new PermissionsRegistryError('PREG_ADD_AFTER_START', {
        pluginId: this.#pluginId,
        method,
      });
  }
}
