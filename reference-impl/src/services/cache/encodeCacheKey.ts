import { createHash } from 'node:crypto';

/** A lone surrogate has no UTF-8 form, so two such keys would collide after encoding. */
const loneSurrogate = /\p{Surrogate}/u;

/**
 * The store key of a cache key (CACHE-025): the base64 of its UTF-8 bytes while that stays under
 * 200 characters, otherwise the base64 of its SHA-256 digest, the layout Backstage uses too.
 * Keys that are not well-formed UTF-16 are hashed over their UTF-16 code units under a `~` prefix
 * (not a base64 character), so they stay distinct from each other and from every other key
 * (CACHE-022).
 */
export function encodeCacheKey(key: string): string {
  if (loneSurrogate.test(key)) {
    return `~${createHash('sha256').update(Buffer.from(key, 'utf16le')).digest('base64')}`;
  }
  const encoded = Buffer.from(key, 'utf8').toString('base64');
  return encoded.length < 200 ? encoded : createHash('sha256').update(key, 'utf8').digest('base64');
}
