import { module, type ModuleOptions } from '../../features/index.js';
import type { Capturing } from './capturingPlugin.js';

/** A module whose init only keeps the deps object it receives, for the test to inspect. */
export function capturingModule(options: Omit<ModuleOptions, 'init'>): Capturing {
  let received: Record<string, unknown> | undefined;
  return {
    feature: module({ ...options, init: (deps) => void (received = deps) }),
    received: () => received,
  };
}
