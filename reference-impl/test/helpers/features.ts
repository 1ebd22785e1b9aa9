import {
  createBackendModule,
  createBackendPlugin,
  createServiceRef,
  type BackendFeature,
} from '../../src/index.js';
import { createTestBackend } from './testBackend.js';
import type { BackendStartupResult } from '../../src/runtime/BackendStartupResult.js';
import type { DepsToInstances, ServiceRef } from '../../src/wireFormat/types.js';

export type Deps = Record<string, unknown>;

/** A plugin whose init receives `deps` resolved. */
export function plugin(
  pluginId: string,
  init: (deps: Deps) => unknown = () => {},
  deps: Deps = {},
): BackendFeature {
  return createBackendPlugin({
    pluginId,
    register: (r) =>
      r.registerInit({ deps: deps as never, init: async (d) => void (await init(d as Deps)) }),
  });
}

/**
 * A plugin that only registers an init, typed like `registerInit`: `init` receives the instances
 * of the refs in `deps`.
 */
export function initPlugin<TDeps extends { [name in string]: ServiceRef<unknown> }>(
  pluginId: string,
  deps: TDeps,
  init: (deps: DepsToInstances<TDeps>) => Promise<void>,
): BackendFeature {
  return createBackendPlugin({ pluginId, register: (reg) => reg.registerInit({ deps, init }) });
}

/** A module whose init receives `deps` resolved. */
export function module(
  pluginId: string,
  moduleId: string,
  init: (deps: Deps) => unknown = () => {},
  deps: Deps = {},
): BackendFeature {
  return createBackendModule({
    pluginId,
    moduleId,
    register: (r) =>
      r.registerInit({ deps: deps as never, init: async (d) => void (await init(d as Deps)) }),
  });
}

/** A callback, such as an init, that throws `new Error(message)`. */
export function throws(message: string): () => never {
  return () => {
    throw new Error(message);
  };
}

export const rootRef = <T = unknown>(id: string) => createServiceRef<T>({ id, scope: 'root' });
export const pluginRef = <T = unknown>(id: string) => createServiceRef<T>({ id, scope: 'plugin' });
export const continueAll = {
  backend: {
    startup: {
      default: { onPluginBootFailure: 'continue', onPluginModuleBootFailure: 'continue' },
    },
  },
};

/** Starts and stops a backend; returns its result whether start() resolved or rejected. */
export async function run(
  features: unknown[],
  options: Parameters<typeof createTestBackend>[0] = {},
): Promise<{
  result: BackendStartupResult | undefined;
  error: unknown;
  backend: ReturnType<typeof createTestBackend>;
}> {
  const backend = createTestBackend(options);
  for (const f of features) backend.add(f as BackendFeature);
  const outcome = await backend.start().then(
    (r) => ({ result: r.result as BackendStartupResult | undefined, error: undefined as unknown }),
    (error: unknown) => ({ result: (error as { result?: BackendStartupResult }).result, error }),
  );
  await backend.stop();
  return { backend, ...outcome };
}
