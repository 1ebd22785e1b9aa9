import type { Config } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { createRootLoggerFromConfig } from './createRootLoggerFromConfig.js';
import { readRootLoggerOptions } from './readRootLoggerOptions.js';
import { RootLoggerError } from './rootLoggerErrors.js';
import { MemoryConfig } from './testing/MemoryConfig.js';

function capture(
  config: MemoryConfig,
  env: Record<string, string> = { NODE_ENV: 'production' },
  secrets?: (c: Config) => string[],
) {
  const lines: string[] = [];
  const logger = createRootLoggerFromConfig(config, {
    env,
    write: (l) => lines.push(l),
    ...(secrets ? { secrets } : {}),
  });
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, entries };
}

function thrown(fn: () => unknown): RootLoggerError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RootLoggerError) return error;
    throw error;
  }
  throw new Error('expected a RootLoggerError');
}

describe('readRootLoggerOptions', () => {
  it('LOG-014: every entry carries service: backstage by default', () => {
    const { logger, entries } = capture(new MemoryConfig());
    logger.child({ plugin: 'x' }).info('m');
    expect(entries()[0]).toMatchObject({ service: 'backstage', plugin: 'x' });
  });

  it('LOG-015: backend.logger.meta adds fields, and its service replaces the default', () => {
    const { logger, entries } = capture(
      new MemoryConfig({ backend: { logger: { meta: { env: 'prod', service: 'portal' } } } }),
    );
    logger.info('m');
    expect(entries()[0]).toMatchObject({ service: 'portal', env: 'prod' });
  });

  it('LOG-016: LOG_LEVEL wins over backend.logger.level, which wins over info', () => {
    const config = new MemoryConfig({ backend: { logger: { level: 'warn' } } });
    expect(readRootLoggerOptions(config, { LOG_LEVEL: 'debug' }).level).toBe('debug');
    expect(readRootLoggerOptions(config, { LOG_LEVEL: '' }).level).toBe('warn');
    expect(readRootLoggerOptions(new MemoryConfig(), {}).level).toBe('info');
  });

  it('LOG-017: an invalid LOG_LEVEL fails naming the value and the variable', () => {
    const error = thrown(() => readRootLoggerOptions(new MemoryConfig(), { LOG_LEVEL: 'verbose' }));
    expect(error.code).toBe('LOG_INVALID_LEVEL');
    expect(error.configPath).toMatch(/^LOG_LEVEL/);
    expect(error.message).toContain('verbose');
  });

  it('LOG-017: an invalid backend.logger.level fails naming the value and the key', () => {
    const error = thrown(() =>
      readRootLoggerOptions(new MemoryConfig({ backend: { logger: { level: 'trace' } } }), {}),
    );
    expect(error.code).toBe('LOG_INVALID_LEVEL');
    expect(error.configPath).toBe('backend.logger.level');
    expect(error.message).toContain('trace');
  });

  it('LOG-019, LOG-021: JSON in production, text otherwise', () => {
    expect(readRootLoggerOptions(new MemoryConfig(), { NODE_ENV: 'production' }).format).toBe(
      'json',
    );
    expect(readRootLoggerOptions(new MemoryConfig(), { NODE_ENV: 'development' }).format).toBe(
      'text',
    );
    expect(readRootLoggerOptions(new MemoryConfig(), {}).format).toBe('text');
  });

  it('LOG-023, LOG-030: an override with an unknown level names backend.logger.overrides[i].level', () => {
    const config = new MemoryConfig({
      backend: {
        logger: {
          overrides: [
            { matchers: { plugin: 'a' }, level: 'info' },
            { matchers: { plugin: 'b' }, level: 'loud' },
          ],
        },
      },
    });
    const error = thrown(() => readRootLoggerOptions(config, {}));
    expect(error.code).toBe('LOG_INVALID_OVERRIDE_LEVEL');
    expect(error.configPath).toBe('backend.logger.overrides[1].level');
    expect(error.message).toContain('backend.logger.overrides[1].level');
  });

  it('LOG-030: a missing override level is rejected too', () => {
    const config = new MemoryConfig({
      backend: { logger: { overrides: [{ matchers: { plugin: 'a' } }] } },
    });
    expect(thrown(() => readRootLoggerOptions(config, {})).configPath).toBe(
      'backend.logger.overrides[0].level',
    );
  });

  it('LOG-031: an override without matchers names backend.logger.overrides[i].matchers', () => {
    const config = new MemoryConfig({ backend: { logger: { overrides: [{ level: 'debug' }] } } });
    const error = thrown(() => readRootLoggerOptions(config, {}));
    expect(error.code).toBe('LOG_INVALID_OVERRIDE_MATCHERS');
    expect(error.configPath).toBe('backend.logger.overrides[0].matchers');
  });
});

describe('createRootLoggerFromConfig', () => {
  it('LOG-018: writes to standard output by default', () => {
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      createRootLoggerFromConfig(new MemoryConfig(), { env: { NODE_ENV: 'production' } }).info(
        'to stdout',
      );
    } finally {
      process.stdout.write = original;
    }
    expect(written.some((w) => w.endsWith('\n') && w.includes('"message":"to stdout"'))).toBe(true);
  });

  it('LOG-032: applies changed overrides from the first entry after the change', () => {
    const config = new MemoryConfig({});
    const { logger, entries } = capture(config);
    const cat = logger.child({ plugin: 'catalog' });
    cat.debug('before');
    config.update({
      backend: { logger: { overrides: [{ matchers: { plugin: 'catalog' }, level: 'debug' }] } },
    });
    cat.debug('after');
    expect(entries().map((e) => e['message'])).toEqual(['after']);
  });

  it('LOG-033: keeps the previous overrides and logs the error when the change is invalid', () => {
    const config = new MemoryConfig({
      backend: { logger: { overrides: [{ matchers: { plugin: 'catalog' }, level: 'debug' }] } },
    });
    const { logger, entries } = capture(config);
    expect(() =>
      config.update({
        backend: { logger: { overrides: [{ matchers: { plugin: 'catalog' }, level: 'nope' }] } },
      }),
    ).not.toThrow();
    logger.child({ plugin: 'catalog' }).debug('still debug');
    const [err, kept] = entries();
    expect(err).toMatchObject({ level: 'error', error: { code: 'LOG_INVALID_OVERRIDE_LEVEL' } });
    expect(JSON.stringify(err)).toContain('backend.logger.overrides[0].level');
    expect(kept).toMatchObject({ message: 'still debug' });
  });

  it('LOG-034, LOG-039: redacts the secrets the collector reports, and those of a changed config', () => {
    const config = new MemoryConfig({ secret: 'initial-secret' });
    const collect = (c: Config) => [c.getOptionalString('secret') ?? ''];
    const { logger, lines } = capture(config, { NODE_ENV: 'production' }, collect);
    config.update({ secret: 'rotated-secret' });
    lines.length = 0;
    logger.child({ plugin: 'p' }).info('initial-secret rotated-secret');
    expect(JSON.parse(lines[0]!)['message']).toBe('*** ***');
  });

  it('LOG-041: the allowlist of a changed configuration applies', () => {
    const config = new MemoryConfig({ secret: 'backstage' });
    const { logger, lines } = capture(config, { NODE_ENV: 'production' }, (c) => [
      c.getOptionalString('secret') ?? '',
    ]);
    config.update({ secret: 'backstage', backend: { logger: { redactAllowlist: ['backstage'] } } });
    lines.length = 0;
    logger.info('m');
    expect(JSON.parse(lines[0]!)['service']).toBe('backstage');
  });
});
