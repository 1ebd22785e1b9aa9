import { plugin } from '../../features/index.js';

/** A plugin whose init throws `thrown` (by default an error naming the plugin). */
export const failingPlugin = (
  pluginId: string,
  thrown: unknown = new Error(`${pluginId} init exploded`),
) =>
  plugin({
    pluginId,
    init: () => {
      throw thrown;
    },
  });
