/** The decoded, unverified header and payload of a compact JWS. */
export interface TokenParts {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

function decodeObject(part: string | undefined): Record<string, unknown> | undefined {
  if (part === undefined || part === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a token's header and payload without verifying anything, or returns `undefined` when
 * the token is not a three-part JWS with JSON object header and payload (an opaque static
 * token, say). Used only to route a token to the verifier for its kind.
 */
export function decodeTokenParts(token: string): TokenParts | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = decodeObject(parts[0]);
  const payload = decodeObject(parts[1]);
  return header === undefined || payload === undefined ? undefined : { header, payload };
}
