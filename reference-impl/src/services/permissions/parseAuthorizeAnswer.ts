import type { PolicyDecision } from '@openstage/spec';
import { PermissionsError } from './permissionsErrors.js';

function isCriteria(node: unknown, depth = 0): boolean {
  if (depth > 64 || typeof node !== 'object' || node === null) return false;
  const n = node as Record<string, unknown>;
  if ('allOf' in n || 'anyOf' in n) {
    const children = n['allOf'] ?? n['anyOf'];
    return (
      Array.isArray(children) &&
      children.length > 0 &&
      children.every((c) => isCriteria(c, depth + 1))
    );
  }
  if ('not' in n) return isCriteria(n['not'], depth + 1);
  // PERM-008: a condition's params, when present, are an object of named parameters.
  const params = n['params'];
  const paramsOk =
    params === undefined ||
    (typeof params === 'object' && params !== null && !Array.isArray(params));
  return typeof n['rule'] === 'string' && typeof n['resourceType'] === 'string' && paramsOk;
}

/**
 * Checks the answer of `POST /authorize` against the request and returns the decisions in
 * request order (PERM-055, PERM-057, PERM-008).
 *
 * @throws PermissionsError `PERM_INVALID_RESPONSE`
 */
export function parseAuthorizeAnswer(
  body: unknown,
  ids: readonly string[],
  allowConditional: boolean,
  url: string,
): PolicyDecision[] {
  const invalid = (reason: string) =>
    new PermissionsError('PERM_INVALID_RESPONSE', { url, reason });
  const items =
    typeof body === 'object' && body !== null ? (body as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) throw invalid('expected a JSON object with an items list');
  const requested = new Set(ids);
  const byId = new Map<string, PolicyDecision>();
  for (const item of items as unknown[]) {
    const record =
      typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const id = record['id'];
    if (typeof id !== 'string' || !requested.has(id))
      throw invalid(`unexpected item id ${JSON.stringify(id)}`);
    const result = record['result'];
    if (result === 'ALLOW' || result === 'DENY') {
      byId.set(id, { result });
    } else if (result === 'CONDITIONAL' && allowConditional) {
      const { pluginId, resourceType, conditions } = record;
      if (
        typeof pluginId !== 'string' ||
        typeof resourceType !== 'string' ||
        !isCriteria(conditions)
      ) {
        throw invalid(`malformed conditional decision for item ${id}`);
      }
      byId.set(id, { result, pluginId, resourceType, conditions } as PolicyDecision);
    } else {
      throw invalid(`decision ${JSON.stringify(result)} for item ${id} is not allowed here`);
    }
  }
  return ids.map((id) => {
    const decision = byId.get(id);
    if (!decision) throw invalid(`no decision for item ${id}`);
    return decision;
  });
}
