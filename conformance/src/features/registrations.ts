import type { TestExtensionPoint } from './extensionPoint.js';
import type { TestServiceRef } from './serviceRef.js';
import { FEATURE_TYPE } from './wireConstants.js';

export type InitDeps = Record<string, TestServiceRef | TestExtensionPoint>;
type Init = (deps: Record<string, unknown>) => unknown;

/** An extension point a plugin or module registers: the ref and the implementation's factory. */
export interface ProvidedExtensionPoint {
  ref: TestExtensionPoint;
  /** Called once per consuming module; the default returns `{}`. */
  factory?: (context: unknown) => unknown;
}

/** A wire-format registrations feature (FEAT-023 to FEAT-051). */
export interface TestRegistrationsFeature {
  $$type: typeof FEATURE_TYPE;
  version: 'v1';
  featureType: 'registrations';
  getRegistrations(): Record<string, unknown>[];
}

export interface PluginOptions {
  pluginId: string;
  deps?: InitDeps;
  init?: Init;
  extensionPoints?: readonly ProvidedExtensionPoint[];
}

export interface ModuleOptions extends PluginOptions {
  moduleId: string;
}

function record(
  type: 'plugin-v1.1' | 'module-v1.1',
  options: PluginOptions & { moduleId?: string },
): Record<string, unknown> {
  const init = options.init ?? (() => undefined);
  return {
    type,
    pluginId: options.pluginId,
    ...(options.moduleId !== undefined ? { moduleId: options.moduleId } : {}),
    extensionPoints: (options.extensionPoints ?? []).map((ep) => ({
      extensionPoint: ep.ref,
      factory: ep.factory ?? (() => ({})),
    })),
    connections: [],
    // FEAT-027: init is { deps, func }; func always returns a promise.
    init: { deps: options.deps ?? {}, func: async (deps: Record<string, unknown>) => init(deps) },
  };
}

/** A registrations feature whose `getRegistrations()` returns exactly `records()` (fresh each call). */
export function registrationsFeature(
  records: () => Record<string, unknown>[],
): TestRegistrationsFeature {
  return {
    $$type: FEATURE_TYPE,
    version: 'v1',
    featureType: 'registrations',
    getRegistrations: records,
  };
}

/** A plugin feature with one `plugin-v1.1` record (FEAT-024). */
export function plugin(options: PluginOptions): TestRegistrationsFeature {
  return registrationsFeature(() => [record('plugin-v1.1', options)]);
}

/** A module feature with one `module-v1.1` record (FEAT-025). */
export function module(options: ModuleOptions): TestRegistrationsFeature {
  return registrationsFeature(() => [record('module-v1.1', options)]);
}
