import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeRootConfig, rootConfigServiceFactory } from '../rootConfig/index.js';
import { createRootLoggerServiceFactory } from './rootLoggerServiceFactory.js';

// The wire-format factory function, called directly; the casts to it stay for that reason.
type Factory = { factory: (deps: object) => Promise<unknown> };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-rootlogger-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rootLogger with the default rootConfig', () => {
  it('CONF-069, LOG-034: secrets marked by a schema are redacted from every line', async () => {
    const file = join(dir, 'app-config.yaml');
    await writeFile(
      file,
      'backend:\n  baseUrl: http://localhost:7007\napp:\n  apiKey: sup3r-s3cret-key\n',
    );
    const schema = {
      type: 'object',
      properties: {
        app: { type: 'object', properties: { apiKey: { type: 'string', visibility: 'secret' } } },
      },
    };
    const configFactory = rootConfigServiceFactory({
      argv: ['--config', file],
      watch: false,
      schemas: [schema],
      cwd: dir,
      env: {},
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    }) as unknown as Factory;
    const config = (await configFactory.factory({})) as Parameters<typeof closeRootConfig>[0];
    try {
      const lines: string[] = [];
      const loggerFactory = createRootLoggerServiceFactory({
        env: { NODE_ENV: 'production' },
        write: (l) => lines.push(l),
      }) as unknown as Factory;
      const logger = (await loggerFactory.factory({ config })) as {
        child: (m: object) => { info: (m: string, meta?: object) => void };
      };
      logger
        .child({ plugin: 'p' })
        .info('calling with sup3r-s3cret-key', { header: 'Bearer sup3r-s3cret-key' });
      const last = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
      expect(last).toMatchObject({ message: 'calling with ***', header: 'Bearer ***' });
      expect(lines.join('\n')).not.toContain('sup3r-s3cret-key');
    } finally {
      await closeRootConfig(config);
    }
  });
});
