import { describe, expect, it } from 'vitest';
import { MAX_SHARED_MATCHERS, compileAuthPolicyPath } from './compileAuthPolicyPath.js';

function matches(pattern: string, path: string): boolean {
  const test = compileAuthPolicyPath(pattern);
  if (test === undefined) throw new Error(`pattern ${pattern} did not compile`);
  return test(path);
}

describe('compileAuthPolicyPath', () => {
  it('HTTP-026: a pattern matches its path and every path below it, not siblings that share a prefix', () => {
    expect(matches('/static/:id', '/static/1')).toBe(true);
    expect(matches('/static/:id', '/static/1/logo.png')).toBe(true);
    expect(matches('/static/:id', '/static')).toBe(false);
    expect(matches('/static', '/staticx')).toBe(false);
    expect(matches('/static/', '/static/a')).toBe(true);
    expect(matches('/Static', '/static/a')).toBe(true);
  });

  it('HTTP-026: optional parameters, groups and wildcards follow express route syntax', () => {
    expect(matches('/v/:version?', '/v')).toBe(true);
    expect(matches('/v/:version?', '/v/2/x')).toBe(true);
    expect(matches('/n/:id(\\d+)', '/n/12')).toBe(true);
    expect(matches('/n/:id(\\d+)', '/n/ab')).toBe(false);
    expect(matches('/files/*', '/files/a/b/c')).toBe(true);
    expect(matches('/a.b', '/aXb')).toBe(false);
  });

  it('HTTP-026: a pattern is compiled once, whichever plugin declares it', () => {
    expect(compileAuthPolicyPath('/shared/:id')).toBe(compileAuthPolicyPath('/shared/:id'));
    expect(compileAuthPolicyPath('/shared/:id')).not.toBe(compileAuthPolicyPath('/Shared/:id'));
    expect(compileAuthPolicyPath('/shared/:id')!('/shared/1')).toBe(true);
    expect(compileAuthPolicyPath('/shared/:id')!('/shared/1')).toBe(true);
    expect(compileAuthPolicyPath('no slash')).toBeUndefined();
  });

  it('HTTP-027: / and * match every path', () => {
    for (const path of ['/', '/x', '/x/y/z']) {
      expect(matches('/', path)).toBe(true);
      expect(matches('*', path)).toBe(true);
    }
  });

  it('HTTP-008: paths that are not route patterns do not compile', () => {
    for (const bad of ['', 'static', '/a b', '/:', '/x(', '/x)', '/[a]', '/n/:id(\\d+']) {
      expect(compileAuthPolicyPath(bad), bad).toBeUndefined();
    }
  });
});

describe('compileAuthPolicyPath sharing', () => {
  it('shares the matcher of a path up to a bound, and past it still compiles each path correctly', () => {
    expect(compileAuthPolicyPath('/shared/:id')).toBe(compileAuthPolicyPath('/shared/:id'));
    for (let i = 0; i < MAX_SHARED_MATCHERS; i++) compileAuthPolicyPath(`/filler-${i}`);
    // The cache is full now: a new path is compiled on every call rather than kept.
    const late = compileAuthPolicyPath('/entity/:ref');
    expect(late).not.toBe(compileAuthPolicyPath('/entity/:ref'));
    expect(late?.('/entity/component:default/x')).toBe(true);
    expect(late?.('/entities')).toBe(false);
    // What was shared before stays shared.
    expect(compileAuthPolicyPath('/shared/:id')).toBe(compileAuthPolicyPath('/shared/:id'));
  });
});
