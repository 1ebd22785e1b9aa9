import type { HttpRequest } from '@openstage/spec';

/** The name of the cookie that carries a limited user token (HAUTH-012 to HAUTH-014). */
export const USER_COOKIE_NAME = 'backstage-auth';

const BEARER = /^Bearer +(\S+)$/i;

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The token of an `Authorization: Bearer <token>` header, if well-formed (HAUTH-010, HAUTH-011). */
export function readBearerToken(req: HttpRequest): string | undefined {
  const header = firstHeader(req.headers.authorization);
  if (header === undefined) return undefined;
  return BEARER.exec(header)?.[1];
}

/** The value of the `backstage-auth` cookie, if present and non-empty. */
export function readCookieToken(req: HttpRequest): string | undefined {
  const header = firstHeader(req.headers.cookie);
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index < 0 || pair.slice(0, index).trim() !== USER_COOKIE_NAME) continue;
    const raw = pair.slice(index + 1).trim();
    try {
      return decodeURIComponent(raw) || undefined;
    } catch {
      return raw || undefined;
    }
  }
  return undefined;
}
