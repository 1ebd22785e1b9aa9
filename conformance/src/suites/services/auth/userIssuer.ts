import { generateKeyPairSync, sign } from 'node:crypto';
import { localServer } from '../http.js';

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/**
 * A stand-in for the `auth` backend plugin: a local server publishing one ES256 key at
 * `/api/auth/.well-known/jwks.json` (AUTH-130), and a signer of user tokens whose `uip` claim is
 * the signature of the limited user token derived from them (AUTH-140), so that both verify.
 * Discovery is pointed at it through `discovery.endpoints`.
 */
export async function userIssuer() {
  const kid = 'conformance-user-key';
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' };
  const server = await localServer((req, res) => {
    if (req.url === '/api/auth/.well-known/jwks.json') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  const signed = (header: object, payload: object): [string, string] => {
    const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    const signature = sign('sha256', Buffer.from(input), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return [input, base64url(signature)];
  };
  /**
   * A user token for `sub` expiring `lifetimeSeconds` from now, and the limited user token that
   * AUTH-140 derives from it.
   */
  const userToken = (sub: string, lifetimeSeconds = 3600) => {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + lifetimeSeconds;
    const [limitedInput, uip] = signed(
      { typ: 'vnd.backstage.limited-user', alg: 'ES256', kid },
      { sub, iat, exp },
    );
    const [input, signature] = signed(
      { typ: 'vnd.backstage.user', alg: 'ES256', kid },
      { iss: `${server.url}/api/auth`, sub, ent: [sub], aud: 'backstage', iat, exp, uip },
    );
    return { token: `${input}.${signature}`, limited: `${limitedInput}.${uip}`, exp };
  };
  return {
    config: {
      discovery: { endpoints: [{ target: `${server.url}/api/auth`, plugins: ['auth'] }] },
    },
    userToken,
    close: server.close,
  };
}
