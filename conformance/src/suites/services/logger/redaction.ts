import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { ok } from '../../../harness/assert.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { callSync } from '../serviceCall.js';
import { captureOutput } from './captureOutput.js';

const ROOT_LOGGER = 'core.rootLogger';
const LOGGER = 'core.logger';

interface LoggerLike {
  error(message: string, meta?: unknown): void;
  warn(message: string, meta?: unknown): void;
  info(message: string, meta?: unknown): void;
  child(meta: Record<string, unknown>): LoggerLike;
}

/**
 * A static access token: `backend.auth.externalAccess[].options.token` is marked
 * `visibility: secret` by the spec's auth schema (and by Backstage's), so it is a secret of the
 * configuration (CONF-067) that the root logger must hide.
 */
const SECRET = 'conformance-secret-7Hq2xZ';

/** The tests of the default root logger's redaction, on the adapter's own `core.rootLogger`. */
export const redactionTests: readonly ConformanceTest[] = [
  defineTest({
    id: 'service-logger/redacts-config-secrets',
    chapter: 'service-logger',
    service: ROOT_LOGGER,
    profile: 'default',
    requirements: ['LOG-034', 'LOG-035', 'CONF-067', 'CONF-069'],
    description:
      'a configuration secret logged in a message, a field, a nested field or an Error through plugin and child loggers is written as ***',
    timeoutMs: 8000,
    async run(ctx) {
      const output = captureOutput();
      try {
        const sb = await serviceBackend(ctx, ROOT_LOGGER, {
          config: {
            backend: {
              auth: {
                externalAccess: [
                  { type: 'static', options: { token: SECRET, subject: 'conformance-caller' } },
                ],
              },
            },
          },
          rootLoggerOutput: output.write,
          probes: [{ pluginId: 'writer', services: [LOGGER, ROOT_LOGGER] }],
        });
        const logger = instance<LoggerLike>(sb, 'writer', LOGGER);
        const root = instance<LoggerLike>(sb, 'writer', ROOT_LOGGER);
        callSync(() => logger.warn(`conformance-redaction message ${SECRET}`));
        callSync(() =>
          logger.warn('conformance-redaction fields', {
            field: `before-${SECRET}-after`,
            nested: { deep: SECRET },
          }),
        );
        callSync(() =>
          logger.error('conformance-redaction error', new Error(`failed with ${SECRET}`)),
        );
        callSync(() =>
          root.child({ component: 'conformance' }).warn(`conformance-redaction child ${SECRET}`),
        );
      } finally {
        output.restore();
      }
      const text = output.text();
      for (const marker of ['message', 'fields', 'error', 'child'])
        ok(
          text.includes(`conformance-redaction ${marker}`),
          `the line 'conformance-redaction ${marker}' was not written to the output sink or standard output`,
        );
      const leaking = text
        .split('\n')
        .filter((line) => line.includes(SECRET))
        .map((line) => line.slice(0, 160));
      ok(
        leaking.length === 0,
        `lines that still hold the secret (LOG-034, LOG-035): ${leaking.join(' | ')}`,
      );
      ok(text.includes('***'), 'no *** in the output where the secret was');
    },
  }),
];
