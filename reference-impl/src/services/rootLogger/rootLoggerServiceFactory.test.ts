import { describe, expect, it } from 'vitest';
import { rootLoggerServiceFactory } from './rootLoggerServiceFactory.js';
import { loggerServiceFactory } from '../logger/loggerServiceFactory.js';
import { createTestLogger } from './createTestLogger.js';
import { MemoryConfig } from './testing/MemoryConfig.js';

describe('logger service factories', () => {
  it('LOG-001: rootLogger is core.rootLogger with root scope', () => {
    expect(rootLoggerServiceFactory.service.id).toBe('core.rootLogger');
    expect(rootLoggerServiceFactory.service.scope).toBe('root');
  });

  it('LOG-002: logger is core.logger with plugin scope', () => {
    expect(loggerServiceFactory.service.id).toBe('core.logger');
    expect(loggerServiceFactory.service.scope).toBe('plugin');
  });

  it('LOG-001: the root factory builds a logger from rootConfig', async () => {
    // The cast stays: the test calls the wire-format factory function directly.
    const factory = rootLoggerServiceFactory as unknown as {
      factory: (deps: object) => Promise<{ info: unknown; child: unknown }>;
    };
    const logger = await factory.factory({
      config: new MemoryConfig({ backend: { logger: { level: 'error' } } }),
    });
    expect(typeof logger.info).toBe('function');
    expect(typeof logger.child).toBe('function');
  });

  it('LOG-044, LOG-045: the plugin logger is rootLogger.child({ plugin }) of whatever root logger is given', async () => {
    const test = createTestLogger();
    // The cast stays: the test calls the wire-format factory function directly.
    const factory = loggerServiceFactory as unknown as {
      factory: (deps: object, ctx: unknown) => Promise<{ info: (m: string) => void }>;
    };
    const logger = await factory.factory(
      { rootLogger: test.logger, pluginMetadata: { getId: () => 'catalog' } },
      undefined,
    );
    logger.info('hi');
    expect(test.entries).toEqual([{ level: 'info', message: 'hi', fields: { plugin: 'catalog' } }]);
  });
});
