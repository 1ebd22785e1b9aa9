import { describe, expect, it } from 'vitest';
import { isConfigError } from './ConfigError.js';
import { readEnvOverrides } from './readEnvOverrides.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('readEnvOverrides', () => {
  it('CONF-018: APP_CONFIG_a_b_c sets a.b.c and other variables are ignored', () => {
    const result = readEnvOverrides({
      APP_CONFIG_backend_listen_port: '7123',
      PATH: '/bin',
      APP_CONFIGX: '1',
    });
    expect(result.data).toEqual({ backend: { listen: { port: 7123 } } });
    expect(result.variables).toEqual(['APP_CONFIG_backend_listen_port']);
  });

  it('CONF-019: names are case-sensitive', () => {
    expect(readEnvOverrides({ APP_CONFIG_Backend_x: '1' }).data).toEqual({ Backend: { x: 1 } });
  });

  it('CONF-020: values are parsed as JSON, falling back to the raw string', () => {
    const { data } = readEnvOverrides({
      APP_CONFIG_a_number: '7123',
      APP_CONFIG_a_quoted: '"7123"',
      APP_CONFIG_a_raw: 'abc',
      APP_CONFIG_a_bool: 'true',
      APP_CONFIG_a_object: '{"a":1}',
      APP_CONFIG_a_list: '[1,"x"]',
    });
    expect(data).toEqual({
      a: { number: 7123, quoted: '7123', raw: 'abc', bool: true, object: { a: 1 }, list: [1, 'x'] },
    });
  });

  it('CONF-021: an empty value is ignored', () => {
    expect(readEnvOverrides({ APP_CONFIG_a: '' })).toEqual({ data: {}, variables: [] });
  });

  it('CONF-022: a malformed part fails with CONF_INVALID_ENV_KEY naming the variable', () => {
    for (const variable of [
      'APP_CONFIG_a__b',
      'APP_CONFIG_1a',
      'APP_CONFIG_a_b-',
      'APP_CONFIG_',
      'APP_CONFIG_a.b',
    ]) {
      const error = thrown(() => readEnvOverrides({ [variable]: '1' }));
      expect(isConfigError(error, 'CONF_INVALID_ENV_KEY'), variable).toBe(true);
      expect((error as { variable: string }).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
    expect(readEnvOverrides({ 'APP_CONFIG_my-plugin_key2': '1' }).data).toEqual({
      'my-plugin': { key2: 1 },
    });
  });

  it('CONF-023: overlapping paths fail naming both variables, whatever their order', () => {
    const orders = [
      { APP_CONFIG_a: '{"x":1}', APP_CONFIG_a_b: '2' },
      { APP_CONFIG_a_b: '2', APP_CONFIG_a: '{"x":1}' },
    ];
    for (const env of orders) {
      const error = thrown(() => readEnvOverrides(env));
      expect(isConfigError(error, 'CONF_ENV_CONFLICT')).toBe(true);
      expect((error as { variables: string[] }).variables).toEqual([
        'APP_CONFIG_a',
        'APP_CONFIG_a_b',
      ]);
    }
    expect(readEnvOverrides({ APP_CONFIG_a_b: '1', APP_CONFIG_a_c: '2' }).data).toEqual({
      a: { b: 1, c: 2 },
    });
  });

  it('CONF-024: the JSON literal null marks the path as absent', () => {
    expect(readEnvOverrides({ APP_CONFIG_a_b: 'null' }).data).toEqual({ a: { b: null } });
  });

  it('CONF-025: values are not substituted', () => {
    expect(readEnvOverrides({ APP_CONFIG_a: '${HOME}', HOME: '/root' }).data).toEqual({
      a: '${HOME}',
    });
    expect(readEnvOverrides({ APP_CONFIG_a: '{"$env":"HOME"}', HOME: '/root' }).data).toEqual({
      a: { $env: 'HOME' },
    });
  });
});
