import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultAuthService } from './DefaultAuthService.js';
import { DatabasePluginKeyStore } from './plugin/keys/DatabasePluginKeyStore.js';
import { readAuthSettings } from './readAuthSettings.js';
import { RemoteKeySets } from './RemoteKeySets.js';

/**
 * The default `core.auth` factory (AUTH-020). The root context reads and validates
 * `backend.auth` once, so configuration mistakes fail startup (AUTH-154) and the warnings of
 * AUTH-168 and AUTH-188 appear once; it also holds the key set cache shared by every plugin.
 */
export const authServiceFactory = createServiceFactory({
  service: coreServices.auth,
  deps: {
    config: coreServices.rootConfig,
    rootLogger: coreServices.rootLogger,
    logger: coreServices.logger,
    discovery: coreServices.discovery,
    database: coreServices.database,
    pluginMetadata: coreServices.pluginMetadata,
  },
  async createRootContext({ config, rootLogger }) {
    const keySets = new RemoteKeySets();
    const logger = rootLogger.child({ service: 'auth' });
    const settings = await readAuthSettings(config, { logger, keySets });
    return { keySets, settings };
  },
  factory({ logger, discovery, database, pluginMetadata }, { keySets, settings }) {
    const pluginId = pluginMetadata.getId();
    const keyStore =
      settings.staticKeyStore ?? new DatabasePluginKeyStore({ pluginId, database, logger });
    return new DefaultAuthService({
      pluginId,
      discovery,
      keyStore,
      keySets,
      externalAccess: settings.externalAccess,
      disableDefaultAuthPolicy: settings.disableDefaultAuthPolicy,
    });
  },
});
