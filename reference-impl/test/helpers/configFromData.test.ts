import { describe, expect, it } from 'vitest';
import { backendConfig, configFromData, configFromPaths } from './configFromData.js';

describe('test config helpers', () => {
  it('read plain data through the real reader, leaving out undefined entries', () => {
    const config = configFromData({ a: { b: 1, gone: undefined }, list: [true, null] });
    expect(config.getNumber('a.b')).toBe(1);
    expect(config.has('a.gone')).toBe(false);
    expect(config.getOptional('list')).toEqual([true, null]);
    expect(backendConfig('cache', { store: 'memory' }).getString('backend.cache.store')).toBe(
      'memory',
    );
    expect(backendConfig('cache', undefined).keys()).toEqual([]);
  });

  it('nest dotted paths into one tree', () => {
    const config = configFromPaths({ 'backend.listen': { port: 0 }, 'backend.auth.off': true });
    expect(config.getOptional('backend')).toEqual({ listen: { port: 0 }, auth: { off: true } });
    expect(() => configFromPaths({ a: 1, 'a.b': 2 })).toThrow(/'a\.b' goes through 'a'/);
  });

  it('reject what a configuration file cannot hold, naming the path', () => {
    expect(() => configFromData({ a: { list: [1, () => 2] } })).toThrow(/'a\.list\[1\]'/);
    expect(() => configFromData({ n: Number.NaN })).toThrow(/'n'/);
    expect(() => configFromData({ d: new Date(0) })).toThrow(/'d'.*not a JSON value/);
  });
});
