import type { BackstagePrincipalAccessRestrictions } from '@openstage/spec';
import { AuthServiceError } from '../AuthServiceError.js';
import type { ExternalAccessEntry } from './readExternalAccess.js';

/** What an accepted external token stands for at this plugin. */
export interface ExternalAccessResult {
  subject: string;
  accessRestrictions?: BackstagePrincipalAccessRestrictions;
}

/**
 * Tries a token against the external access entries in configuration order (AUTH-153) and
 * applies the first accepting entry's access restrictions for this plugin (AUTH-185 to
 * AUTH-187).
 */
export class ExternalTokenVerifier {
  readonly #entries: readonly ExternalAccessEntry[];
  readonly #pluginId: string;

  constructor(entries: readonly ExternalAccessEntry[], pluginId: string) {
    this.#entries = entries;
    this.#pluginId = pluginId;
  }

  async verifyToken(token: string): Promise<ExternalAccessResult | undefined> {
    for (const entry of this.#entries) {
      const result = await entry.handler.verifyToken(token, entry.context);
      if (result === undefined) continue;
      if (entry.accessRestrictions === undefined) return { subject: result.subject };
      const restrictions = entry.accessRestrictions.get(this.#pluginId);
      if (restrictions === undefined) {
        throw new AuthServiceError('AUTH_ACCESS_RESTRICTED', {
          pluginId: this.#pluginId,
          allowedPluginIds: [...entry.accessRestrictions.keys()],
        });
      }
      const copy: BackstagePrincipalAccessRestrictions = {};
      if (restrictions.permissionNames !== undefined)
        copy.permissionNames = [...restrictions.permissionNames];
      if (restrictions.permissionAttributes?.action !== undefined) {
        copy.permissionAttributes = { action: [...restrictions.permissionAttributes.action] };
      }
      // An item naming only the plugin restricts nothing there; FEAT-111 forbids an empty object.
      if (copy.permissionNames === undefined && copy.permissionAttributes === undefined) {
        return { subject: result.subject };
      }
      return { subject: result.subject, accessRestrictions: copy };
    }
    return undefined;
  }
}
