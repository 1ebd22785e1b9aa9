import { randomUUID } from 'node:crypto';
import { CompactSign, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { tokenTypes } from '../tokenTypes.js';

/** Options of {@link TestUserTokenIssuer.issue}. */
export interface IssueUserTokenOptions {
  sub?: string;
  ent?: unknown;
  /** Seconds since the epoch; defaults to now. */
  iat?: number;
  /** Lifetime in seconds; default 3600. */
  lifetimeSeconds?: number;
  /** Leave out the `uip` claim. */
  withoutUip?: boolean;
  /** Issue an older-style token: no `typ`, `aud: backstage`. */
  legacy?: boolean;
  /** Claims to leave out of the user token. */
  omit?: string[];
}

/** Stands in for the auth backend: signs user tokens the way it does, with a `uip` proof. */
export interface TestUserTokenIssuer {
  readonly publicJwk: JWK;
  readonly kid: string;
  issue(options?: IssueUserTokenOptions): Promise<string>;
}

/** Creates a {@link TestUserTokenIssuer} with a fresh ES256 key pair. */
export async function createTestUserTokenIssuer(): Promise<TestUserTokenIssuer> {
  const kid = randomUUID();
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256' };
  return { publicJwk, kid, issue: (options = {}) => issue(privateKey, kid, options) };
}

async function issue(key: CryptoKey, kid: string, options: IssueUserTokenOptions): Promise<string> {
  const sub = options.sub ?? 'user:default/jane';
  const iat = options.iat ?? Math.floor(Date.now() / 1000);
  const exp = iat + (options.lifetimeSeconds ?? 3600);
  if (options.legacy === true) {
    return new SignJWT({ sub, ent: options.ent ?? [sub], aud: tokenTypes.userAudience, iat, exp })
      .setProtectedHeader({ alg: 'ES256', kid })
      .sign(key);
  }
  // The proof signs the limited token's header and payload, in this member order.
  const proof = await new CompactSign(new TextEncoder().encode(JSON.stringify({ sub, iat, exp })))
    .setProtectedHeader({ typ: tokenTypes.limitedUser, alg: 'ES256', kid })
    .sign(key);
  const uip = proof.split('.')[2];
  const claims: Record<string, unknown> = {
    iss: 'http://auth.test',
    sub,
    aud: tokenTypes.userAudience,
    iat,
    exp,
  };
  if (options.ent !== undefined) claims.ent = options.ent;
  if (options.withoutUip !== true) claims.uip = uip;
  for (const claim of options.omit ?? []) delete claims[claim];
  return new SignJWT(claims)
    .setProtectedHeader({ typ: tokenTypes.user, alg: 'ES256', kid })
    .sign(key);
}
