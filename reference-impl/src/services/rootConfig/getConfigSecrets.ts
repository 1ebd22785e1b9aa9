import type { Config } from '@openstage/spec';

const registry = new WeakMap<object, () => ReadonlySet<string>>();

/**
 * The secret strings of the current configuration of a `rootConfig` service created by the
 * default factory, or `undefined` for any other `Config` (CONF-069).
 *
 * **When to use**: the default root logger reads this to redact secrets (LOG-034). Call it again
 * after a `subscribe` notification, since a reload can change the secrets. For a configuration
 * from elsewhere, use `collectSecrets`.
 */
export function getConfigSecrets(config: Config): ReadonlySet<string> | undefined {
  return registry.get(config)?.();
}

/** Makes the secrets of `config` available through {@link getConfigSecrets}. */
export function registerConfigSecrets(config: Config, secrets: () => ReadonlySet<string>): void {
  registry.set(config, secrets);
}
