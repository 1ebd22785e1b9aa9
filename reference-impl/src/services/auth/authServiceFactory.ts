import type { Config, DatabaseService, DiscoveryService, LoggerService } from '@openstage/spec';
import type { OpaqueService } from '../../authoring/coreServiceTypes.js';
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
    // The authoring API types these loosely; the instances implement the spec's interfaces.
    const logger = (rootLogger as unknown as LoggerService).child({ service: 'auth' });
    const settings = await readAuthSettings(config as unknown as Config, { logger, keySets });
    return { keySets, settings };
  },
  factory({ logger, discovery, database, pluginMetadata }, { keySets, settings }) {
    const pluginId = pluginMetadata.getId();
    const keyStore =
      settings.staticKeyStore ??
      new DatabasePluginKeyStore({
        pluginId,
        database: database as unknown as DatabaseService,
        logger: logger as unknown as LoggerService,
      });
    const auth = new DefaultAuthService({
      pluginId,
      discovery: discovery as unknown as DiscoveryService,
      keyStore,
      keySets,
      externalAccess: settings.externalAccess,
      disableDefaultAuthPolicy: settings.disableDefaultAuthPolicy,
    });
    // coreServices.auth is typed opaque in the authoring API; the instance is an AuthService.
    return auth as unknown as OpaqueService;
  },
});
