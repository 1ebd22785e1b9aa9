import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '@openstage/spec';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreServices, createBackendPlugin } from '../../src/index.js';
import { HostDiscovery } from '../../src/services/discovery/HostDiscovery.js';
import { DefaultPermissionsService } from '../../src/services/permissions/DefaultPermissionsService.js';
import { ConfigReader } from '../../src/services/rootConfig/index.js';
import { rootConfigServiceFactory } from '../../src/services/rootConfig/rootConfigServiceFactory.js';
import { createRootLoggerFromConfig } from '../../src/services/rootLogger/createRootLoggerFromConfig.js';
import { MockLogger } from '../../src/testing/MockLogger.js';
import { createTestBackend } from '../helpers/testBackend.js';

const data = { backend: { baseUrl: 'http://localhost:7007' }, permission: { enabled: false } };

/** The features of the reference implementation that follow configuration changes. */
const subscribers: Array<[string, (config: Config) => unknown]> = [
  ['discovery', (config) => HostDiscovery.fromConfig(config, { logger: new MockLogger() })],
  ['rootLogger', (config) => createRootLoggerFromConfig(config, { write: () => {} })],
  [
    'permissions',
    (config) =>
      // Neither dependency is used while the configuration is only read.
      DefaultPermissionsService.fromConfig(config, { discovery: {}, auth: {} } as never),
  ],
];

describe('RCFG-025: features check that subscribe is present', () => {
  it.each(subscribers)(
    'RCFG-025: %s works with a rootConfig that has no subscribe, and subscribes when it has one',
    (_name, create) => {
      const plain = ConfigReader.fromData(data, 'test') as unknown as Config;
      expect('subscribe' in plain && typeof plain.subscribe === 'function').toBe(false);
      expect(() => create(plain)).not.toThrow();

      const listeners: Array<() => void> = [];
      const live = Object.assign(ConfigReader.fromData(data, 'test'), {
        subscribe(onChange: () => void) {
          listeners.push(onChange);
          return { unsubscribe() {} };
        },
      }) as unknown as Config;
      create(live);
      expect(listeners).toHaveLength(1);
    },
  );
});

describe('RCFG-034: the watch option of the default rootConfig factory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'openstage-rcfg034-'));
    await writeFile(
      join(dir, 'app-config.yaml'),
      'backend:\n  baseUrl: http://localhost:7007\napp:\n  title: one\n',
    );
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Starts a backend on the default factory with `watch` as given and returns its config. */
  async function configWith(watch: boolean | undefined) {
    let config: Config | undefined;
    const backend = createTestBackend({
      defaultServiceFactories: [
        rootConfigServiceFactory({
          cwd: dir,
          env: {},
          argv: ['node', 'main.js', '--config', 'app-config.yaml'],
          packageSchemas: false,
          watchDebounceMs: 10,
          logger: { info() {}, warn() {}, error() {} },
          ...(watch === undefined ? {} : { watch }),
        }),
      ],
    });
    backend.add(
      createBackendPlugin({
        pluginId: 'reader',
        register: (reg) =>
          reg.registerInit({
            deps: { rootConfig: coreServices.rootConfig },
            init: async ({ rootConfig }) => {
              config = rootConfig;
            },
          }),
      }),
    );
    await backend.start();
    return { config: config!, backend };
  }

  it('RCFG-034: without the option the configuration is watched and reloads on change', async () => {
    const { config, backend } = await configWith(undefined);
    try {
      expect(typeof config.subscribe).toBe('function');
      const changed = new Promise<void>((resolve) => config.subscribe!(() => resolve()));
      await writeFile(
        join(dir, 'app-config.yaml'),
        'backend:\n  baseUrl: http://localhost:7007\napp:\n  title: two\n',
      );
      await changed;
      expect(config.getString('app.title')).toBe('two');
    } finally {
      await backend.stop();
    }
  });

  it('RCFG-034: watch: false is accepted and turns watching off', async () => {
    const { config, backend } = await configWith(false);
    await backend.stop();
    expect(config.subscribe).toBeUndefined();
    expect(config.getString('app.title')).toBe('one');
  });
});
