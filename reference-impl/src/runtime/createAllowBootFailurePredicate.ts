/** Decides whether a plugin's (or module's) boot failure is allowed. */
export type AllowBootFailurePredicate = (pluginId: string, moduleId?: string) => boolean;

type Tree = { [key: string]: unknown };

function child(value: unknown, key: string): Tree | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const next = (value as Tree)[key];
  return typeof next === 'object' && next !== null ? (next as Tree) : undefined;
}

function str(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const next = (value as Tree)[key];
  return typeof next === 'string' ? next : undefined;
}

/**
 * Reads `backend.startup.*` from the root config. The config is only required
 * to offer `getOptional(path)` (Backstage's `Config` does). A per-plugin or
 * per-module value overrides the default; only `'continue'` allows a failure.
 */
export function createAllowBootFailurePredicate(config: unknown): AllowBootFailurePredicate {
  const getOptional = (config as { getOptional?: unknown } | undefined)?.getOptional;
  const startup =
    typeof getOptional === 'function'
      ? (getOptional.call(config, 'backend.startup') as unknown)
      : undefined;
  const defaults = child(startup, 'default');
  const plugins = child(startup, 'plugins');
  const defaultPlugin = str(defaults, 'onPluginBootFailure') ?? 'abort';
  const defaultModule = str(defaults, 'onPluginModuleBootFailure') ?? 'abort';
  return (pluginId, moduleId) => {
    const plugin = child(plugins, pluginId);
    if (moduleId !== undefined) {
      const value =
        str(child(child(plugin, 'modules'), moduleId), 'onPluginModuleBootFailure') ??
        defaultModule;
      return value === 'continue';
    }
    return (str(plugin, 'onPluginBootFailure') ?? defaultPlugin) === 'continue';
  };
}
