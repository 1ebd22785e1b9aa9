import { module, type ModuleOptions } from '../../features/index.js';

/** A module whose init pushes `label` (by default its module id) into `events`. */
export const recordingModule = (
  options: Omit<ModuleOptions, 'init'>,
  events: string[],
  label: string = options.moduleId,
) => module({ ...options, init: () => void events.push(label) });
