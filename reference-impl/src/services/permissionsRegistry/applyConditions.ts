import type {
  DefinitivePolicyDecision,
  PermissionCondition,
  PermissionCriteria,
} from '@openstage/spec';
import type { DefaultPermissionsRegistryService } from './DefaultPermissionsRegistryService.js';
import { PermissionsRegistryError } from './permissionsRegistryErrors.js';
import { validateRuleParams } from './ruleParamsSchema.js';

type Criteria = PermissionCriteria<PermissionCondition>;
type Result = DefinitivePolicyDecision['result'];

/** One validated item of an apply-conditions request (PREG-023). */
export interface ApplyConditionsItem {
  id: string;
  resourceType: string;
  resourceRef: string | string[];
  conditions: Criteria;
}

const MAX_DEPTH = 64;

function isCriteria(node: unknown, depth = 0): node is Criteria {
  if (depth > MAX_DEPTH || typeof node !== 'object' || node === null || Array.isArray(node))
    return false;
  const n = node as Record<string, unknown>;
  for (const key of ['allOf', 'anyOf'] as const) {
    if (key in n) {
      const children = n[key];
      return (
        Array.isArray(children) &&
        children.length > 0 &&
        children.every((c) => isCriteria(c, depth + 1))
      );
    }
  }
  if ('not' in n) return isCriteria(n['not'], depth + 1);
  return typeof n['rule'] === 'string' && typeof n['resourceType'] === 'string';
}

/**
 * Checks the body of `POST .../apply-conditions` (PREG-023).
 *
 * @throws PermissionsRegistryError `PREG_INVALID_REQUEST` (PREG-028)
 */
export function parseApplyConditionsBody(body: unknown): ApplyConditionsItem[] {
  const invalid = (reason: string) =>
    new PermissionsRegistryError('PREG_INVALID_REQUEST', { reason });
  const items =
    typeof body === 'object' && body !== null ? (body as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) throw invalid('expected a JSON object with an items list');
  return items.map((item: unknown, index) => {
    const r = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const where = `items[${index}]`;
    if (typeof r['id'] !== 'string') throw invalid(`${where}.id must be a string`);
    if (typeof r['resourceType'] !== 'string')
      throw invalid(`${where}.resourceType must be a string`);
    const ref = r['resourceRef'];
    const refOk =
      typeof ref === 'string' ||
      (Array.isArray(ref) && ref.length > 0 && ref.every((x) => typeof x === 'string'));
    if (!refOk)
      throw invalid(`${where}.resourceRef must be a string or a non-empty list of strings`);
    if (!isCriteria(r['conditions']))
      throw invalid(`${where}.conditions must be a permission criteria tree`);
    return {
      id: r['id'],
      resourceType: r['resourceType'],
      resourceRef: ref as string | string[],
      conditions: r['conditions'],
    };
  });
}

function leaves(criteria: Criteria, out: PermissionCondition[] = []): PermissionCondition[] {
  if ('allOf' in criteria) criteria.allOf.forEach((c) => leaves(c, out));
  else if ('anyOf' in criteria) criteria.anyOf.forEach((c) => leaves(c, out));
  else if ('not' in criteria) leaves(criteria.not, out);
  else out.push(criteria);
  return out;
}

/**
 * Answers an apply-conditions request (PREG-024 to PREG-035): validates resource types, rules
 * and parameters first, then loads every resource type's resources with one `getResources`
 * call and evaluates each item's criteria.
 */
export async function applyConditions(
  registry: DefaultPermissionsRegistryService,
  items: readonly ApplyConditionsItem[],
): Promise<Array<{ id: string; result: Result | Result[] }>> {
  const pluginId = registry.pluginId;
  const unknown = [...new Set(items.map((i) => i.resourceType))].filter(
    (t) => !registry.getResourceType(t),
  );
  if (unknown.length > 0)
    throw new PermissionsRegistryError('PREG_UNKNOWN_RESOURCE_TYPE', {
      pluginId,
      resourceTypes: unknown,
    });

  const refsByType = new Map<string, Set<string>>();
  for (const item of items) {
    const type = registry.getResourceType(item.resourceType)!;
    if (!type.getResources)
      throw new PermissionsRegistryError('PREG_RESOURCES_UNAVAILABLE', {
        pluginId,
        resourceType: item.resourceType,
      });
    for (const leaf of leaves(item.conditions)) {
      const rule = type.rules.get(leaf.rule);
      if (!rule)
        throw new PermissionsRegistryError('PREG_UNKNOWN_RULE', {
          pluginId,
          resourceType: item.resourceType,
          rule: leaf.rule,
        });
      const problems = await validateRuleParams(
        (rule as { paramsSchema?: unknown }).paramsSchema,
        leaf.params,
      );
      if (problems.length > 0) {
        throw new PermissionsRegistryError('PREG_INVALID_RULE_PARAMS', {
          pluginId,
          resourceType: item.resourceType,
          rule: leaf.rule,
          reason: problems.join('; '),
        });
      }
    }
    const refs = refsByType.get(item.resourceType) ?? new Set<string>();
    for (const ref of Array.isArray(item.resourceRef) ? item.resourceRef : [item.resourceRef])
      refs.add(ref);
    refsByType.set(item.resourceType, refs);
  }

  // PREG-026, PREG-034: one call per resource type, each ref once.
  const resources = new Map<string, Map<string, unknown>>();
  for (const [resourceType, refSet] of refsByType) {
    const refs = [...refSet];
    const loaded = await registry.getResourceType(resourceType)!.getResources!(refs);
    resources.set(resourceType, new Map(refs.map((ref, i) => [ref, loaded[i]])));
  }

  return items.map((item) => {
    const rules = registry.getResourceType(item.resourceType)!.rules;
    const holds = (node: Criteria, resource: unknown): boolean => {
      // PREG-027
      if ('allOf' in node) return node.allOf.every((c) => holds(c, resource));
      if ('anyOf' in node) return node.anyOf.some((c) => holds(c, resource));
      if ('not' in node) return !holds(node.not, resource);
      return rules.get(node.rule)!.apply(resource, node.params ?? {});
    };
    const decide = (ref: string): Result => {
      const resource = resources.get(item.resourceType)?.get(ref);
      if (resource === undefined || resource === null) return 'DENY'; // PREG-035
      return holds(item.conditions, resource) ? 'ALLOW' : 'DENY';
    };
    return {
      id: item.id,
      result: Array.isArray(item.resourceRef)
        ? item.resourceRef.map(decide)
        : decide(item.resourceRef),
    };
  });
}
