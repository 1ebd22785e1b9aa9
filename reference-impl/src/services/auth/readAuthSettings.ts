import type { LoggerService, RootConfigService } from '@openstage/spec';
import { AuthServiceError } from './AuthServiceError.js';
import type { ExternalTokenHandler } from './external/ExternalTokenHandler.js';
import { readExternalAccess, type ExternalAccessEntry } from './external/readExternalAccess.js';
import { StaticPluginKeyStore, type StaticKeyEntry } from './plugin/keys/StaticPluginKeyStore.js';
import type { RemoteKeySets } from './RemoteKeySets.js';

/** Everything the `auth` service reads from `backend.auth`, validated once per backend. */
export interface AuthSettings {
  disableDefaultAuthPolicy: boolean;
  /** `undefined` in `database` mode, where each plugin gets its own key store. */
  staticKeyStore: StaticPluginKeyStore | undefined;
  externalAccess: ExternalAccessEntry[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads and validates `backend.auth` (AUTH-105, AUTH-106, AUTH-120 to AUTH-125, AUTH-150 to
 * AUTH-191) and logs the once-per-backend warnings (AUTH-168, AUTH-188). Called from the root
 * context of the service factory, so a configuration mistake fails startup (AUTH-154).
 */
export async function readAuthSettings(
  config: RootConfigService,
  options: {
    logger: LoggerService;
    keySets: RemoteKeySets;
    customHandlers?: readonly ExternalTokenHandler<unknown>[];
  },
): Promise<AuthSettings> {
  const raw = config.getOptional<unknown>('backend.auth') ?? {};
  const auth = isObject(raw) ? raw : {};
  const disableDefaultAuthPolicy = auth.dangerouslyDisableDefaultAuthPolicy === true;

  const keyStoreConfig = isObject(auth.pluginKeyStore) ? auth.pluginKeyStore : {};
  const type = keyStoreConfig.type ?? 'database';
  let staticKeyStore: StaticPluginKeyStore | undefined;
  if (type === 'static') {
    const staticConfig = isObject(keyStoreConfig.static) ? keyStoreConfig.static : {};
    const keys = Array.isArray(staticConfig.keys)
      ? (staticConfig.keys as StaticKeyEntry[])
      : undefined;
    staticKeyStore = await StaticPluginKeyStore.fromEntries(keys);
  } else if (type !== 'database') {
    throw new AuthServiceError('AUTH_KEY_STORE_UNKNOWN_TYPE', {
      configPath: 'backend.auth.pluginKeyStore.type',
      type: String(type),
    });
  }

  const external = readExternalAccess(auth, {
    keySets: options.keySets,
    ...(options.customHandlers === undefined ? {} : { customHandlers: options.customHandlers }),
  });
  if (external.usesLegacyKeys) {
    options.logger.warn(
      'backend.auth.keys is deprecated; configure these secrets as legacy entries of backend.auth.externalAccess instead',
    );
  }
  for (const configPath of external.unrestricted) {
    options.logger.warn(
      `The external access entry ${configPath} has no accessRestrictions, so its tokens may call every plugin; consider restricting it`,
    );
  }
  return { disableDefaultAuthPolicy, staticKeyStore, externalAccess: external.entries };
}
