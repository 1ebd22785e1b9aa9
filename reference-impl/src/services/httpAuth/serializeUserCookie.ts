import { USER_COOKIE_NAME } from './readRequestTokens.js';

/** The attributes of the `backstage-auth` cookie, derived from the plugin's external URL. */
export interface UserCookieAttributes {
  domain: string;
  secure: boolean;
  sameSite: 'None' | 'Lax';
}

/**
 * The attributes for a plugin whose external base URL is `externalBaseUrl` (HAUTH-038 to
 * HAUTH-042): the host name as `Domain`; `Secure` with `SameSite=None` for https or localhost
 * (so local development across ports works), `SameSite=Lax` otherwise.
 */
export function userCookieAttributes(externalBaseUrl: string): UserCookieAttributes {
  const url = new URL(externalBaseUrl);
  const secure = url.protocol === 'https:' || url.hostname === 'localhost';
  return { domain: url.hostname, secure, sameSite: secure ? 'None' : 'Lax' };
}

/** A `Set-Cookie` value for `backstage-auth`; an empty value with a past expiry clears it. */
export function serializeUserCookie(
  value: string,
  expires: Date,
  attributes: UserCookieAttributes,
): string {
  const parts = [
    `${USER_COOKIE_NAME}=${encodeURIComponent(value)}`,
    `Domain=${attributes.domain}`,
    'Path=/',
    `Expires=${expires.toUTCString()}`,
    'HttpOnly',
  ];
  if (attributes.secure) parts.push('Secure');
  parts.push(`SameSite=${attributes.sameSite}`, 'Priority=High');
  return parts.join('; ');
}
