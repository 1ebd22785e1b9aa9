import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { equal, ok } from '../../../harness/assert.js';
import type { CapturedLogEntry } from '../../../features/index.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { callSync } from '../serviceCall.js';
import { redactionTests } from './redaction.js';

const LOGGER = 'core.logger';

/** The logger interface (spec/docs/services/logger.md). */
interface LoggerLike {
  error(message: string, meta?: unknown): void;
  warn(message: string, meta?: unknown): void;
  info(message: string, meta?: unknown): void;
  debug(message: string, meta?: unknown): void;
  child(meta: Record<string, unknown>): LoggerLike;
}

/** The single entry logged with `message`; the suite's capturing root logger recorded it. */
function entry(logs: readonly CapturedLogEntry[], message: string): CapturedLogEntry {
  const found = logs.filter((e) => e.message === message);
  ok(found.length === 1, `expected one entry '${message}', found ${found.length}`);
  return found[0]!;
}

const loggerTest = (test: Omit<ConformanceTest, 'chapter' | 'service'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-logger', service: LOGGER });

/**
 * The contract suite of `core.logger`, the plugin logger. It writes through the suite's
 * capturing `core.rootLogger`, so what reaches the root logger is what is judged.
 */
export const loggerTests: readonly ConformanceTest[] = [
  loggerTest({
    id: 'service-logger/plugin-field',
    requirements: ['LOG-044', 'LOG-045', 'LOG-005'],
    description: "a plugin's logger writes through the root logger with the field plugin: <id>",
    async run(ctx) {
      const sb = await serviceBackend(ctx, LOGGER, {
        probes: [{ pluginId: 'writer', services: [LOGGER] }],
      });
      const logger = instance<LoggerLike>(sb, 'writer', LOGGER);
      callSync(() => logger.warn('conformance: plugin field'));
      const e = entry(ctx.logs, 'conformance: plugin field');
      equal(e.level, 'warn', 'level of the entry');
      equal(e.fields['plugin'], 'writer', 'plugin field of the entry');
    },
  }),
  loggerTest({
    id: 'service-logger/child-meta',
    requirements: ['LOG-003', 'LOG-006', 'LOG-009', 'LOG-010', 'LOG-011', 'LOG-012'],
    description:
      'child() adds its meta, a nested child and the call meta win on collisions, and the parent is unchanged',
    async run(ctx) {
      const sb = await serviceBackend(ctx, LOGGER, {
        probes: [{ pluginId: 'writer', services: [LOGGER] }],
      });
      const logger = instance<LoggerLike>(sb, 'writer', LOGGER);
      const child = callSync(() => logger.child({ component: 'outer', shared: 'child' }));
      const grandchild = callSync(() => child.child({ component: 'inner' }));
      callSync(() => child.info('conformance: child', { extra: 1 }));
      callSync(() => grandchild.info('conformance: grandchild'));
      callSync(() => child.info('conformance: call meta', { shared: 'call' }));
      callSync(() => logger.info('conformance: parent'));
      const c = entry(ctx.logs, 'conformance: child');
      equal(c.fields['component'], 'outer', 'child meta on the entry (LOG-009)');
      equal(c.fields['extra'], 1, 'call meta on the entry (LOG-006)');
      equal(c.fields['plugin'], 'writer', 'plugin field kept by child()');
      equal(entry(ctx.logs, 'conformance: grandchild').fields['component'], 'inner', 'LOG-011');
      equal(entry(ctx.logs, 'conformance: call meta').fields['shared'], 'call', 'LOG-010');
      equal(entry(ctx.logs, 'conformance: parent').fields['component'], undefined, 'LOG-012');
    },
  }),
  loggerTest({
    id: 'service-logger/error-meta',
    requirements: ['LOG-004', 'LOG-007'],
    description: 'every level accepts an Error or a JSON object as meta without throwing',
    async run(ctx) {
      const sb = await serviceBackend(ctx, LOGGER, {
        probes: [{ pluginId: 'writer', services: [LOGGER] }],
      });
      const logger = instance<LoggerLike>(sb, 'writer', LOGGER);
      const error = new TypeError('conformance: boom');
      for (const level of ['error', 'warn', 'info', 'debug'] as const) {
        callSync(() => logger[level](`conformance: ${level} with error`, error));
        callSync(() => logger[level](`conformance: ${level} with object`, { n: [1, { a: null }] }));
      }
      const e = entry(ctx.logs, 'conformance: error with error');
      const carried = (e.error ?? e.fields) as {
        name?: unknown;
        message?: unknown;
        stack?: unknown;
      };
      equal(carried.name, 'TypeError', 'name of the error meta');
      equal(carried.message, 'conformance: boom', 'message of the error meta');
      ok(typeof carried.stack === 'string', 'stack of the error meta');
    },
  }),
  ...redactionTests,
];
