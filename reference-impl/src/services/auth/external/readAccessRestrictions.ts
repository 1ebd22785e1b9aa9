import type { BackstagePrincipalAccessRestrictions } from '@openstage/spec';
import { AuthServiceError } from '../AuthServiceError.js';
import { readStringList } from './readOptions.js';

type Action = 'create' | 'read' | 'update' | 'delete';
const ACTIONS: readonly string[] = ['create', 'read', 'update', 'delete'];
const ITEM_KEYS: readonly string[] = ['plugin', 'permission', 'permissionAttribute'];

function invalid(configPath: string, problem: string): AuthServiceError {
  return new AuthServiceError('AUTH_ACCESS_RESTRICTIONS_INVALID', { configPath, problem });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rethrowAsRestrictionError(read: () => string[] | undefined): string[] | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof AuthServiceError && error.configPath !== undefined) {
      throw invalid(error.configPath, 'must be a string or a list of strings');
    }
    throw error;
  }
}

/**
 * Reads an entry's `accessRestrictions` list (AUTH-179 to AUTH-184) into a map from plugin id
 * to the restrictions a principal gets at that plugin; `undefined` when the entry has none.
 */
export function readAccessRestrictions(
  value: unknown,
  configPath: string,
): Map<string, BackstagePrincipalAccessRestrictions> | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    throw invalid(configPath, 'must be a non-empty list');
  }
  const result = new Map<string, BackstagePrincipalAccessRestrictions>();
  for (const [index, item] of value.entries()) {
    const path = `${configPath}[${index}]`;
    if (!isObject(item)) throw invalid(path, 'must be an object');
    for (const key of Object.keys(item)) {
      if (!ITEM_KEYS.includes(key)) throw invalid(path, `unknown key '${key}'`);
    }
    const plugin = item.plugin;
    if (typeof plugin !== 'string' || plugin === '') {
      throw invalid(`${path}.plugin`, 'must be a plugin id');
    }
    if (result.has(plugin)) {
      throw invalid(path, `plugin '${plugin}' is listed more than once`);
    }
    const restrictions: BackstagePrincipalAccessRestrictions = {};
    const permissionNames = rethrowAsRestrictionError(() =>
      readStringList(item.permission, `${path}.permission`),
    );
    if (permissionNames !== undefined) restrictions.permissionNames = permissionNames;
    const attribute = item.permissionAttribute;
    if (attribute !== undefined) {
      if (!isObject(attribute)) throw invalid(`${path}.permissionAttribute`, 'must be an object');
      for (const key of Object.keys(attribute)) {
        if (key !== 'action') throw invalid(`${path}.permissionAttribute`, `unknown key '${key}'`);
      }
      const actions = rethrowAsRestrictionError(() =>
        readStringList(attribute.action, `${path}.permissionAttribute.action`),
      );
      if (actions !== undefined) {
        const wrong = actions.find((action) => !ACTIONS.includes(action));
        if (wrong !== undefined) {
          throw invalid(
            `${path}.permissionAttribute.action`,
            `invalid action '${wrong}', expected one of 'create', 'read', 'update', 'delete'`,
          );
        }
        restrictions.permissionAttributes = { action: actions as Action[] };
      }
    }
    result.set(plugin, restrictions);
  }
  return result;
}
