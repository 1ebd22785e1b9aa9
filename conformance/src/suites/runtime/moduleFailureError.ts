import { ok } from '../../harness/assert.js';
import { pluginEntry } from './helpers.js';

/** The module entry `moduleId` in the startup result entry of `pluginId`. */
function moduleEntry(
  result: unknown,
  pluginId: string,
  moduleId: string,
): Record<string, unknown> | undefined {
  const modules = pluginEntry(result, pluginId)?.['modules'];
  return Array.isArray(modules)
    ? (modules as Record<string, unknown>[]).find((m) => m?.['moduleId'] === moduleId)
    : undefined;
}

/**
 * The error of the failure recorded for module `moduleId` of `pluginId` in a startup result;
 * fails the test when the entry or its failure's error is missing.
 */
export function moduleFailureError(
  result: unknown,
  pluginId: string,
  moduleId: string,
): Record<string, unknown> {
  const entry = moduleEntry(result, pluginId, moduleId);
  const failure = entry?.['failure'] as { error?: Record<string, unknown> } | undefined;
  ok(
    failure?.error,
    `expected a failure in the entry of module '${moduleId}' of plugin '${pluginId}': ${JSON.stringify(entry)}`,
  );
  return failure.error;
}
