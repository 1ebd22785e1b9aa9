import { plugin } from '../../features/index.js';

/** A plugin whose init pushes `label` (by default its id) into `events`. */
export const recordingPlugin = (pluginId: string, events: string[], label: string = pluginId) =>
  plugin({ pluginId, init: () => void events.push(label) });
