import { plugin, type PluginOptions, type TestRegistrationsFeature } from '../../features/index.js';

/** A feature together with what its init received. */
export interface Capturing {
  feature: TestRegistrationsFeature;
  /** The deps object the init was called with; `undefined` until it was called. */
  received(): Record<string, unknown> | undefined;
}

/** A plugin whose init only keeps the deps object it receives, for the test to inspect. */
export function capturingPlugin(options: Omit<PluginOptions, 'init'>): Capturing {
  let received: Record<string, unknown> | undefined;
  return {
    feature: plugin({ ...options, init: (deps) => void (received = deps) }),
    received: () => received,
  };
}
