import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeCacheKey } from './encodeCacheKey.js';

describe('encodeCacheKey', () => {
  it('CACHE-025: short keys are the base64 of their UTF-8 bytes', () => {
    expect(encodeCacheKey('hello')).toBe('aGVsbG8=');
    expect(encodeCacheKey('caf\u00e9')).toBe(Buffer.from('caf\u00e9', 'utf8').toString('base64'));
    expect(encodeCacheKey('')).toBe('');
  });

  it('CACHE-025: a key whose encoding reaches 200 characters is the base64 of its SHA-256', () => {
    const under = 'a'.repeat(147); // base64 length 196
    const over = 'a'.repeat(150); // base64 length 200
    expect(encodeCacheKey(under)).toBe(Buffer.from(under).toString('base64'));
    expect(encodeCacheKey(over)).toBe(createHash('sha256').update(over).digest('base64'));
  });

  it('CACHE-022/CACHE-024: keys differing in case, normalisation, last character or lone surrogates stay distinct', () => {
    const long = 'z'.repeat(400);
    const keys = [
      'a',
      'A',
      'caf\u00e9',
      'cafe\u0301',
      `${long}1`,
      `${long}2`,
      '\uD800',
      '\uDC00',
      '\uFFFD',
    ];
    expect(new Set(keys.map(encodeCacheKey)).size).toBe(keys.length);
  });
});
