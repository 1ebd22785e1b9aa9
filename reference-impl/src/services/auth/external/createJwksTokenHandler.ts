import { loadJose } from '../loadJose.js';
import type { JWTVerifyGetKey } from 'jose';
import { decodeTokenParts } from '../decodeTokenParts.js';
import type { RemoteKeySets } from '../RemoteKeySets.js';
import type { ExternalTokenHandler } from './ExternalTokenHandler.js';
import { invalidOptionsError, readStringList } from './readOptions.js';

interface JwksContext {
  getKey: JWTVerifyGetKey;
  algorithms?: string[];
  issuer?: string[];
  audience?: string[];
  subjectPrefix?: string;
}

/**
 * `type: jwks`: JWTs signed by keys of an external key set, such as an OIDC issuer's
 * (AUTH-170 to AUTH-175). Key sets are fetched through the shared {@link RemoteKeySets}.
 */
export function createJwksTokenHandler(keySets: RemoteKeySets): ExternalTokenHandler<JwksContext> {
  return {
    type: 'jwks',
    initialize({ options, configPath }) {
      const url = options.url;
      let parsed: URL | undefined;
      try {
        parsed = typeof url === 'string' ? new URL(url) : undefined;
      } catch {
        parsed = undefined;
      }
      if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
        throw invalidOptionsError(`${configPath}.url`, 'must be an absolute http or https URL');
      }
      const subjectPrefix = options.subjectPrefix;
      if (
        subjectPrefix !== undefined &&
        (typeof subjectPrefix !== 'string' || subjectPrefix === '')
      ) {
        throw invalidOptionsError(`${configPath}.subjectPrefix`, 'must be a non-empty string');
      }
      const context: JwksContext = { getKey: keySets.resolverFor(parsed.toString()) };
      const algorithms = readStringList(options.algorithm, `${configPath}.algorithm`);
      const issuer = readStringList(options.issuer, `${configPath}.issuer`);
      const audience = readStringList(options.audience, `${configPath}.audience`);
      if (algorithms !== undefined) context.algorithms = algorithms;
      if (issuer !== undefined) context.issuer = issuer;
      if (audience !== undefined) context.audience = audience;
      if (subjectPrefix !== undefined) context.subjectPrefix = subjectPrefix;
      return context;
    },
    async verifyToken(token, context) {
      if (decodeTokenParts(token) === undefined) return undefined;
      try {
        const { jwtVerify } = await loadJose();
        const { payload } = await jwtVerify(token, context.getKey, {
          requiredClaims: ['sub'],
          ...(context.algorithms === undefined ? {} : { algorithms: context.algorithms }),
          ...(context.issuer === undefined ? {} : { issuer: context.issuer }),
          ...(context.audience === undefined ? {} : { audience: context.audience }),
        });
        const sub = payload.sub as string;
        const prefix = context.subjectPrefix === undefined ? '' : `${context.subjectPrefix}:`;
        return { subject: `external:${prefix}${sub}` };
      } catch {
        // Not verifiable with this entry's key set or constraints; the next entry may accept it.
        return undefined;
      }
    },
  };
}
