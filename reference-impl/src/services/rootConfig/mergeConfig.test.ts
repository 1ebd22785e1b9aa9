import { describe, expect, it } from 'vitest';
import { mergeConfig } from './mergeConfig.js';

describe('mergeConfig', () => {
  it('CONF-046: later sources outrank earlier ones', () => {
    expect(mergeConfig([{ a: 1, b: 1 }, { a: 2 }, { a: 3 }])).toEqual({ a: 3, b: 1 });
  });

  it('CONF-048: mappings at the same path are merged recursively', () => {
    expect(mergeConfig([{ a: { b: { c: 1, d: 1 } } }, { a: { b: { d: 2 }, e: 3 } }])).toEqual({
      a: { b: { c: 1, d: 2 }, e: 3 },
    });
  });

  it('CONF-049: arrays and scalars replace lower values unchanged', () => {
    expect(
      mergeConfig([
        { a: [1, 2], b: { x: 1 }, c: 'x' },
        { a: [3], b: 'scalar', c: { y: 1 } },
      ]),
    ).toEqual({
      a: [3],
      b: 'scalar',
      c: { y: 1 },
    });
  });

  it('CONF-050: null hides every lower value at and below the path', () => {
    expect(mergeConfig([{ a: { b: 1, c: { d: 1 } } }, { a: { c: null } }])).toEqual({
      a: { b: 1 },
    });
    expect(mergeConfig([{ a: 1 }, { a: null }, {}])).toEqual({});
    expect(mergeConfig([{ a: null }, { a: { b: 1 } }])).toEqual({ a: { b: 1 } });
  });
});
