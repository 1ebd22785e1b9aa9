import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { registerRootConfigCloser } from '../../services/rootConfig/closeRootConfig.js';
import type { DefaultRootConfig } from '../../services/rootConfig/DefaultRootConfig.js';
import { registerConfigSecrets } from '../../services/rootConfig/getConfigSecrets.js';

/**
 * A `core.rootConfig` factory serving configuration the command line already loaded, so that it
 * is read once: the command needs it before the backend exists (to know whether
 * `backend.packages` is set, and to report configuration problems itself). Secrets and closing
 * work as with the default factory.
 */
export function preloadedRootConfigFactory(root: DefaultRootConfig) {
  return createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory() {
      registerConfigSecrets(root.config, () => root.secrets);
      registerRootConfigCloser(root.config, () => root.close());
      return root.config;
    },
  });
}
