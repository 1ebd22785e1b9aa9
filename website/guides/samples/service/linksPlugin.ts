import { createBackendPlugin } from '@openstage/reference-impl';
import { shortCodeServiceRef } from './shortCodeService.js';

/** Hands out one short code at startup and logs it; depends on the service by its ref. */
export const linksPlugin = createBackendPlugin({
  pluginId: 'links',
  register(env) {
    // #region use
    env.registerInit({
      deps: { shortCodes: shortCodeServiceRef },
      async init({ shortCodes }) {
        issued.push(shortCodes.next()); // 'links-000001'
      },
    });
    // #endregion use
  },
});

/** The codes the plugin was given, for the test that runs this sample. */
export const issued: string[] = [];
