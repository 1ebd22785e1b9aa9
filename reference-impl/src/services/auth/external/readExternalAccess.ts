import type { BackstagePrincipalAccessRestrictions } from '@openstage/spec';
import { AuthServiceError } from '../AuthServiceError.js';
import type { RemoteKeySets } from '../RemoteKeySets.js';
import { createJwksTokenHandler } from './createJwksTokenHandler.js';
import type { ExternalTokenHandler } from './ExternalTokenHandler.js';
import { legacyTokenHandler } from './legacyTokenHandler.js';
import { readAccessRestrictions } from './readAccessRestrictions.js';
import { staticTokenHandler } from './staticTokenHandler.js';

const EXTERNAL_ACCESS = 'backend.auth.externalAccess';
const LEGACY_KEYS = 'backend.auth.keys';

/** One validated `backend.auth.externalAccess` entry (or deprecated `backend.auth.keys` entry). */
export interface ExternalAccessEntry {
  readonly configPath: string;
  readonly type: string;
  // Each entry pairs a handler with the context that handler made, so the types match per entry.
  readonly handler: ExternalTokenHandler<unknown>;
  readonly context: unknown;
  readonly accessRestrictions?: ReadonlyMap<string, BackstagePrincipalAccessRestrictions>;
}

/** The result of {@link readExternalAccess}. */
export interface ExternalAccessSettings {
  entries: ExternalAccessEntry[];
  /** Config paths of entries without `accessRestrictions` (AUTH-188). */
  unrestricted: string[];
  /** Whether deprecated `backend.auth.keys` entries were read (AUTH-168). */
  usesLegacyKeys: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function buildHandlers(
  keySets: RemoteKeySets,
  customHandlers: readonly ExternalTokenHandler<unknown>[],
): Map<string, ExternalTokenHandler<unknown>> {
  const handlers = new Map<string, ExternalTokenHandler<unknown>>();
  for (const handler of [staticTokenHandler, legacyTokenHandler, createJwksTokenHandler(keySets)]) {
    handlers.set(handler.type, handler as ExternalTokenHandler<unknown>);
  }
  const builtIn = new Set(handlers.keys());
  for (const handler of customHandlers) {
    if (handlers.has(handler.type)) {
      throw new AuthServiceError('AUTH_EXTERNAL_HANDLER_DUPLICATE_TYPE', {
        type: handler.type,
        builtIn: builtIn.has(handler.type),
      });
    }
    handlers.set(handler.type, handler);
  }
  return handlers;
}

/**
 * Reads and validates `backend.auth.externalAccess` and the deprecated `backend.auth.keys`
 * (AUTH-150 to AUTH-191). Everything is checked here, once per backend instance, so a mistake
 * fails startup rather than the first request (AUTH-154).
 */
export function readExternalAccess(
  authConfig: Record<string, unknown>,
  options: { keySets: RemoteKeySets; customHandlers?: readonly ExternalTokenHandler<unknown>[] },
): ExternalAccessSettings {
  const handlers = buildHandlers(options.keySets, options.customHandlers ?? []);
  const raw = authConfig.externalAccess ?? [];
  if (!Array.isArray(raw)) {
    throw new AuthServiceError('AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS', {
      configPath: EXTERNAL_ACCESS,
      problem: 'must be a list',
    });
  }
  const items: Array<{ configPath: string; value: unknown }> = raw.map((value, index) => ({
    configPath: `${EXTERNAL_ACCESS}[${index}]`,
    value,
  }));
  const legacyKeys = authConfig.keys ?? [];
  const usesLegacyKeys = Array.isArray(legacyKeys) && legacyKeys.length > 0;
  if (Array.isArray(legacyKeys)) {
    // Deprecated keys are legacy entries with a fixed subject and no restrictions (AUTH-167).
    legacyKeys.forEach((key: unknown, index) => {
      items.push({
        configPath: `${LEGACY_KEYS}[${index}]`,
        value: {
          type: 'legacy',
          options: {
            secret: isObject(key) ? key.secret : undefined,
            subject: 'external:backstage-plugin',
          },
        },
      });
    });
  }

  const entries: ExternalAccessEntry[] = [];
  const unrestricted: string[] = [];
  const seenSecrets = new Map<string, string>();
  for (const { configPath, value } of items) {
    if (!isObject(value)) {
      throw new AuthServiceError('AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS', {
        configPath,
        problem: 'must be an object',
      });
    }
    const type = value.type;
    const handler = typeof type === 'string' ? handlers.get(type) : undefined;
    if (handler === undefined) {
      throw new AuthServiceError('AUTH_EXTERNAL_ACCESS_UNKNOWN_TYPE', {
        configPath: `${configPath}.type`,
        type: String(type),
        expected: [...handlers.keys()],
      });
    }
    const entryOptions = value.options ?? {};
    if (!isObject(entryOptions)) {
      throw new AuthServiceError('AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS', {
        configPath: `${configPath}.options`,
        problem: 'must be an object',
      });
    }
    const context = handler.initialize({
      options: entryOptions,
      configPath: `${configPath}.options`,
    });
    const secretKey =
      type === 'static'
        ? `static:${String(entryOptions.token)}`
        : type === 'legacy'
          ? `legacy:${String(entryOptions.secret)}`
          : undefined;
    if (secretKey !== undefined) {
      const earlier = seenSecrets.get(secretKey);
      if (earlier !== undefined) {
        const field = type === 'static' ? 'token' : 'secret';
        throw new AuthServiceError('AUTH_EXTERNAL_ACCESS_DUPLICATE', {
          configPath: `${configPath}.options.${field}`,
          type: String(type),
          field,
          earlier,
        });
      }
      seenSecrets.set(secretKey, configPath);
    }
    const accessRestrictions = readAccessRestrictions(
      value.accessRestrictions,
      `${configPath}.accessRestrictions`,
    );
    if (accessRestrictions === undefined) unrestricted.push(configPath);
    entries.push({
      configPath,
      type: handler.type,
      handler,
      context,
      ...(accessRestrictions === undefined ? {} : { accessRestrictions }),
    });
  }
  return { entries, unrestricted, usesLegacyKeys };
}
