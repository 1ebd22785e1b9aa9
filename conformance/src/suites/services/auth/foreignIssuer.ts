import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { localServer } from '../http.js';

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** An ES256 key pair with its public JWK. */
function keyPair(kid: string): { privateKey: KeyObject; jwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' },
  };
}

/**
 * A plugin token issuer outside the backend under test: a local server publishing one key at
 * `/api/<issuer>/.backstage/auth/v1/jwks.json` (AUTH-091), and a signer for plugin tokens with
 * any claims. Discovery is pointed at it through `discovery.endpoints`.
 */
export async function foreignIssuer(issuer: string) {
  const published = keyPair('conformance-published');
  const unpublished = keyPair('conformance-published');
  const server = await localServer((req, res) => {
    if (req.url === `/api/${issuer}/.backstage/auth/v1/jwks.json`) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [published.jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  /** A compact JWS plugin token (AUTH-070) with `claims`, signed with the published key or not. */
  const token = (claims: Record<string, unknown>, options: { published?: boolean } = {}) => {
    const key = options.published === false ? unpublished : published;
    const header = base64url(
      JSON.stringify({ typ: 'vnd.backstage.plugin', alg: 'ES256', kid: key.jwk['kid'] }),
    );
    const payload = base64url(JSON.stringify(claims));
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
      key: key.privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return `${header}.${payload}.${base64url(signature)}`;
  };
  return {
    config: {
      discovery: { endpoints: [{ target: `${server.url}/api/{{pluginId}}`, plugins: [issuer] }] },
    },
    token,
    close: server.close,
  };
}
