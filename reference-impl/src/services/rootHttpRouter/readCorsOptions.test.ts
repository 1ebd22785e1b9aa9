import { describe, expect, it } from 'vitest';
import { compileOriginPattern } from './readCorsOptions.js';

describe('compileOriginPattern', () => {
  it.each([
    ['https://*.example.com', 'https://App.Example.com', true],
    ['https://*.example.com', 'https://a.b/c.example.com', false],
    ['https://*.example.com', 'https://evil.com', false],
    ['http://localhost:3000', 'http://localhost:3001', false],
    ['http://localhost:{3000,4000}', 'http://localhost:4000', true],
    ['http://localhost:300?', 'http://localhost:3007', true],
    ['http://{a,b{c,d}}.x', 'http://bd.x', true],
    ['http://{a,b{c,d}}.x', 'http://b.x', false],
    ['http://{a,b', 'http://b', true],
    ['http://a}', 'http://a}', true],
    ['https://[x].com', 'https://[x].com', true],
  ])('RHTTP-055: %s against %s is %s', (pattern, origin, expected) => {
    expect(compileOriginPattern(pattern)(origin)).toBe(expected);
  });

  it('matches a long request origin in time that grows with its length, not with a power of it', () => {
    // A regular expression for this pattern takes seconds on an origin of a few thousand dashes,
    // and the origin is whatever the request sends.
    const started = performance.now();
    expect(
      compileOriginPattern('https://*-*-*-*.example.com')(`https://${'-'.repeat(8000)}x`),
    ).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
