import { ok } from '../../harness/assert.js';
import { pluginEntry } from './helpers.js';

/** The `failure` of a plugin's startup result entry. */
export interface PluginFailure {
  error: Record<string, unknown>;
  allowed?: unknown;
}

/**
 * The failure recorded in the result entry of `pluginId`; fails the test when the entry or its
 * failure's error is missing.
 */
export function pluginFailure(result: unknown, pluginId: string): PluginFailure {
  const failure = pluginEntry(result, pluginId)?.['failure'] as Partial<PluginFailure> | undefined;
  ok(failure?.error, `expected a failure in the result entry of plugin '${pluginId}'`);
  return failure as PluginFailure;
}
