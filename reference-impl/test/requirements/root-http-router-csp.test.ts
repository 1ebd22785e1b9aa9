import type { JsonObject } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { readSecurityHeaders } from '../../src/services/rootHttpRouter/readSecurityHeaders.js';
import { MemoryConfig } from '../../src/services/rootLogger/testing/MemoryConfig.js';

/** The Content-Security-Policy directives for `backend.csp`, as a map from name to value. */
function cspFor(csp: JsonObject): Map<string, string> {
  const headers = readSecurityHeaders(new MemoryConfig({ backend: { csp } }));
  const value = headers.find(([name]) => name === 'Content-Security-Policy')?.[1] ?? '';
  const directives = new Map<string, string>();
  for (const part of value.split(';')) {
    const [name = '', ...sources] = part.split(' ');
    directives.set(name, sources.join(' '));
  }
  return directives;
}

describe('backend.csp', () => {
  it('RHTTP-045: a list replaces the default sources of a directive, or adds a directive without a default', () => {
    const csp = cspFor({ imgSrc: ['https://img.example'], 'connect-src': ["'self'", 'wss:'] });
    expect(csp.get('img-src')).toBe('https://img.example');
    expect(csp.get('connect-src')).toBe("'self' wss:");
    // Directives the config leaves alone keep their defaults.
    expect(csp.get('default-src')).toBe("'self'");
  });

  it('RHTTP-046: an empty list yields the directive without a value', () => {
    const csp = cspFor({ scriptSrc: [], 'block-all-mixed-content': [] });
    expect(csp.has('script-src')).toBe(true);
    expect(csp.get('script-src')).toBe('');
    expect(csp.get('block-all-mixed-content')).toBe('');
  });
});
