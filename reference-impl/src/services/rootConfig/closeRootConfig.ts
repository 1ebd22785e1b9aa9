import type { Config } from '@openstage/spec';

const closers = new WeakMap<object, () => void>();

/**
 * Stops the file watching and remote polling of a `rootConfig` service created by the default
 * factory (RCFG-039); does nothing for any other `Config`. Idempotent.
 *
 * **When to use**: after the backend's root shutdown phase. The watchers never keep the process
 * alive on their own, so a process that exits does not need this; a test or a host that starts
 * and stops backends in one process does.
 */
export function closeRootConfig(config: Config): void {
  closers.get(config)?.();
}

/** Makes `close` reachable through {@link closeRootConfig}. */
export function registerRootConfigCloser(config: Config, close: () => void): void {
  closers.set(config, close);
}
