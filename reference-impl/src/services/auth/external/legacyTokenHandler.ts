import { isJoseError, loadJose } from '../loadJose.js';
import { decodeTokenParts } from '../decodeTokenParts.js';
import { toTokenError } from '../toTokenError.js';
import type { ExternalTokenHandler } from './ExternalTokenHandler.js';
import { invalidOptionsError, readCompactString } from './readOptions.js';

interface LegacyContext {
  key: Uint8Array;
  subject: string;
}

const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * `type: legacy`: HS256 JWTs with `sub: backstage-server` and no `aud`, signed with a shared
 * base64 secret (AUTH-165, AUTH-166).
 */
export const legacyTokenHandler: ExternalTokenHandler<LegacyContext> = {
  type: 'legacy',
  initialize({ options, configPath }) {
    const secret = readCompactString(options, 'secret', configPath);
    if (!BASE64.test(secret) && !BASE64URL.test(secret)) {
      throw invalidOptionsError(`${configPath}.secret`, 'must be a valid base64 string');
    }
    const subject = readCompactString(options, 'subject', configPath);
    return { key: new Uint8Array(Buffer.from(secret, 'base64')), subject };
  },
  async verifyToken(token, context) {
    // A cheap look at the unverified token first, so other tokens cost no HMAC.
    const parts = decodeTokenParts(token);
    if (
      parts === undefined ||
      parts.header.alg !== 'HS256' ||
      parts.payload.sub !== 'backstage-server' ||
      parts.payload.aud !== undefined
    ) {
      return undefined;
    }
    try {
      const { jwtVerify } = await loadJose();
      await jwtVerify(token, context.key, { algorithms: ['HS256'] });
    } catch (error) {
      // Another entry's secret may match; only a matching signature makes it ours.
      if (isJoseError(error, 'JWSSignatureVerificationFailed')) return undefined;
      throw toTokenError(error, { tokenKind: 'legacy external access token' });
    }
    return { subject: context.subject };
  },
};
