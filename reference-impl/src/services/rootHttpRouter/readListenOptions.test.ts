import { describe, expect, it } from 'vitest';
import { readListenOptions } from './readListenOptions.js';

describe('readListenOptions', () => {
  it('RHTTP-018: unset means port 7007 on every interface', () => {
    expect(readListenOptions(undefined)).toEqual({ host: '', port: 7007 });
  });

  it('RHTTP-019: a string of digits is a port on every interface', () => {
    expect(readListenOptions('8080')).toEqual({ host: '', port: 8080 });
  });

  it('RHTTP-020: <host>:<port> sets both', () => {
    expect(readListenOptions('127.0.0.1:9000')).toEqual({ host: '127.0.0.1', port: 9000 });
    expect(readListenOptions(':9000')).toEqual({ host: '', port: 9000 });
  });

  it('RHTTP-021: a mapping gives host and port, with defaults', () => {
    expect(readListenOptions({ host: '0.0.0.0', port: 1234 })).toEqual({
      host: '0.0.0.0',
      port: 1234,
    });
    expect(readListenOptions({ port: '4321' })).toEqual({ host: '', port: 4321 });
    expect(readListenOptions({ host: 'localhost' })).toEqual({ host: 'localhost', port: 7007 });
    expect(readListenOptions({})).toEqual({ host: '', port: 7007 });
  });

  it('RHTTP-023: port 0 is accepted', () => {
    expect(readListenOptions('0')).toEqual({ host: '', port: 0 });
  });

  it('RHTTP-022: any other string fails naming the value', () => {
    for (const bad of [
      '7007abc',
      'abc',
      '::1:7007',
      'host:',
      'host:port',
      '',
      ' 7007',
      '70070',
      'a:b:1',
    ]) {
      let error: unknown;
      try {
        readListenOptions(bad);
      } catch (e) {
        error = e;
      }
      expect(error, bad).toMatchObject({
        code: 'RHTTP_INVALID_LISTEN_ADDRESS',
        configPath: 'backend.listen',
      });
      expect((error as Error).message).toContain(JSON.stringify(bad));
    }
    expect(() => readListenOptions({ port: 'x' })).toThrow(
      expect.objectContaining({ code: 'RHTTP_INVALID_LISTEN_ADDRESS' }),
    );
  });
});
