/**
 * Runs the guides' samples that are not tests themselves (guides/samples): each sample shown on
 * a guide page is the file this test imports, so a page cannot show code that does not work.
 * The samples in guides/samples/testing are tests and run on their own.
 */
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadExpectations } from '@openstage/conformance';
import { DefaultRootConfig } from '@openstage/reference-impl/services/rootConfig';
import type { JsonObject } from '@openstage/spec';
import { mockCredentials, mockServices, startTestBackend } from '@openstage/reference-impl/testing';
import { afterEach, describe, expect, it } from 'vitest';
// The suite's source, as the stale-report check reads it.
import { conformanceTests } from '../../conformance/src/suites/index.js';
import { loadConfiguration } from '../guides/samples/configuration/loadConfiguration.js';
import { bookmarksFeatures } from '../guides/samples/feature-loader/bookmarksFeatures.js';
import { bookmarksPlugin } from '../guides/samples/plugin/bookmarksPlugin.js';
import { issued, linksPlugin } from '../guides/samples/service/linksPlugin.js';
import { startDeployment } from '../guides/samples/split/startDeployment.js';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function post(port: number, url: string): Promise<number> {
  const response = await fetch(`http://localhost:${port}/api/bookmarks/bookmarks`, {
    method: 'POST',
    headers: { authorization: mockCredentials.user.header(), 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  return response.status;
}

describe('guide samples', () => {
  it('feature loader: installs the https-only module unless bookmarks.allowPlainHttp is true', async () => {
    const strict = await startTestBackend({ features: [bookmarksFeatures] });
    cleanups.push(() => strict.stop());
    expect(await post(strict.server.port(), 'http://plain.test/')).toBe(400);
    expect(await post(strict.server.port(), 'https://secure.test/')).toBe(201);

    const lenient = await startTestBackend({
      features: [
        bookmarksFeatures,
        mockServices.rootConfig.factory({ data: { bookmarks: { allowPlainHttp: true } } }),
      ],
    });
    cleanups.push(() => lenient.stop());
    expect(await post(lenient.server.port(), 'http://plain.test/')).toBe(201);
  });

  it('service: a plugin gets the default factory of a ref it depends on', async () => {
    issued.length = 0;
    const backend = await startTestBackend({ features: [linksPlugin] });
    cleanups.push(() => backend.stop());
    expect(issued).toEqual(['links-000001']);
  });

  it('backend: the boot failure policy in app-config.yaml lets the backend start without bookmarks', async () => {
    const root = await DefaultRootConfig.create({
      argv: [
        '--config',
        fileURLToPath(new URL('../guides/samples/backend/app-config.yaml', import.meta.url)),
      ],
      env: {},
      watch: false,
      packageSchemas: false,
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    cleanups.push(() => root.close());
    const data = root.config.get() as JsonObject;
    const faults = [{ target: 'init' as const, pluginId: 'bookmarks', effect: 'throw' as const }];
    const backend = await startTestBackend({
      features: [bookmarksPlugin, mockServices.rootConfig.factory({ data })],
      faults,
    });
    cleanups.push(() => backend.stop());
    // Without the policy the same start rejects.
    await expect(startTestBackend({ features: [bookmarksPlugin], faults })).rejects.toThrow(
      /bookmarks/,
    );
  });

  it('conformance: the sample expectations file is valid and names a real test and requirement', () => {
    const file = fileURLToPath(
      new URL('../guides/samples/conformance/expectations.json', import.meta.url),
    );
    const expectations = loadExpectations(file);
    expect(expectations.size).toBeGreaterThan(0);
    for (const [id, expectation] of expectations) {
      const test = conformanceTests.find((t) => t.id === id);
      expect(test, `${id} is not a test of the suite`).toBeDefined();
      expect(test?.requirements).toContain(expectation.requirement);
    }
  });

  it('configuration: files in order, $include/$file/${VAR}/$env, APP_CONFIG_*, secrets', async () => {
    const loaded = await loadConfiguration(
      ['--config', 'app-config.yaml', '--config', 'app-config.production.yaml'],
      {
        BOOKMARKS_API_TOKEN: 'development-token',
        PRODUCTION_BOOKMARKS_TOKEN: 'production-token',
        APP_CONFIG_backend_listen_port: '7100',
      },
    );
    cleanups.push(() => loaded.close());
    const { config } = loaded;
    expect(config.getOptional('backend.baseUrl')).toBe('https://backstage.example.com');
    expect(config.getOptional('backend.listen.port')).toBe(7100);
    expect(config.getOptional('bookmarks.blockedHosts')).toEqual(['blocked.test', 'ads.test']);
    expect(config.getOptional('bookmarks.banner')).toBe('Bookmarks: share the links you use');
    expect(config.getOptional('bookmarks.apiToken')).toBe('production-token');
    expect([...(loaded.secrets ?? [])]).toContain('production-token');
  });

  it('configuration: every schema violation is reported at once, by path', async () => {
    const failure = await loadConfiguration(['--config', 'app-config.yaml'], {
      APP_CONFIG_backend_listen_port: 'seven',
      APP_CONFIG_bookmarks_banner: 'x'.repeat(81),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'CONF_SCHEMA_VALIDATION_FAILED',
      problems: [
        expect.objectContaining({ path: 'backend.listen.port' }),
        expect.objectContaining({ path: 'bookmarks.banner' }),
      ],
    });
  });

  it('split: a plugin in deployment B calls a plugin in deployment A through discovery', async () => {
    const env = { A_PORT: String(await freePort()), B_PORT: String(await freePort()) };
    const a = await startDeployment('a', env);
    cleanups.push(() => a.stop());
    const b = await startDeployment('b', env);
    cleanups.push(() => b.stop());

    const summary = await fetch(`http://localhost:${env.B_PORT}/api/digest/summary`);
    expect(summary.status).toBe(200);
    expect(await summary.json()).toEqual({ bookmarks: 0 });
    // Each deployment serves only its own plugins.
    expect((await fetch(`http://localhost:${env.A_PORT}/api/digest/summary`)).status).toBe(404);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
