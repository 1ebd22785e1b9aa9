import { module, type ModuleOptions } from '../../features/index.js';

export interface FailingModuleOptions extends Omit<ModuleOptions, 'init'> {
  /** What the init throws; by default `new Error('module exploded')`. */
  thrown?: unknown;
}

/** A module whose init throws. */
export function failingModule(options: FailingModuleOptions): ReturnType<typeof module> {
  const { thrown = new Error('module exploded'), ...moduleOptions } = options;
  return module({
    ...moduleOptions,
    init: () => {
      throw thrown;
    },
  });
}
