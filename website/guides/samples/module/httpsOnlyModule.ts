import { coreServices, createBackendModule } from '@openstage/reference-impl';
import { bookmarkRulesExtensionPoint } from '../extension-point/bookmarkRulesExtensionPoint.js';

/**
 * A module of the `bookmarks` plugin that refuses plain `http:` links, and links to the hosts
 * listed in `bookmarks.blockedHosts`.
 */
export const httpsOnlyModule = createBackendModule({
  pluginId: 'bookmarks',
  moduleId: 'https-only',
  register(env) {
    env.registerInit({
      deps: { rules: bookmarkRulesExtensionPoint, config: coreServices.rootConfig },
      async init({ rules, config }) {
        const blocked = config.getOptional<string[]>('bookmarks.blockedHosts') ?? [];
        rules.addRule((url) =>
          url.protocol === 'https:'
            ? undefined
            : `only https: links are accepted, not ${url.protocol}`,
        );
        rules.addRule((url) =>
          blocked.includes(url.hostname) ? `links to ${url.hostname} are blocked` : undefined,
        );
      },
    });
  },
});
