import type {
  BackstageServicePrincipal,
  DefinitivePolicyDecision,
  Permission,
} from '@openstage/spec';

const ALLOW: DefinitivePolicyDecision = { result: 'ALLOW' };
const DENY: DefinitivePolicyDecision = { result: 'DENY' };

/**
 * The local decision for a service principal, from its access restrictions alone (PERM-030,
 * PERM-031, PERM-040 to PERM-044). Never conditional.
 */
export function decideForService(
  principal: BackstageServicePrincipal,
  permission: Permission,
): DefinitivePolicyDecision {
  const restrictions = principal.accessRestrictions;
  if (!restrictions) return ALLOW;
  const { permissionNames, permissionAttributes } = restrictions;
  if (permissionNames && !permissionNames.includes(permission.name)) return DENY;
  const actions = permissionAttributes?.action;
  if (actions) {
    const action = permission.attributes?.action;
    if (action === undefined || !actions.includes(action)) return DENY;
  }
  return ALLOW;
}
