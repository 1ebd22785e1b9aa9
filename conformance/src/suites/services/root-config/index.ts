import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { deepEqual, equal, ok, rejects } from '../../../harness/assert.js';
import type { TestContext } from '../../../harness/TestContext.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { callSync } from '../serviceCall.js';

const ROOT_CONFIG = 'core.rootConfig';

/** The slice of the config interface (spec/docs/services/root-config.md) the suite reads. */
interface ConfigLike {
  has(key: string): boolean;
  keys(): string[];
  get(key?: string): unknown;
  getOptional(key?: string): unknown;
  getString(key: string): string;
  getOptionalString(key: string): string | undefined;
  getNumber(key: string): number;
  getBoolean(key: string): boolean;
  getConfig(key: string): ConfigLike;
  getStringArray(key: string): string[];
}

const DATA = {
  app: {
    title: 'Conformance',
    port: '7007',
    flags: { on: 'yes', off: 'false' },
    empty: '',
    nothing: null,
    list: ['a', 'b'],
    mixed: ['a', 1],
  },
};

async function rootConfig(ctx: TestContext): Promise<ConfigLike> {
  const sb = await serviceBackend(ctx, ROOT_CONFIG, {
    config: DATA,
    probes: [{ pluginId: 'reader', services: [ROOT_CONFIG] }],
  });
  return instance<ConfigLike>(sb, 'reader', ROOT_CONFIG);
}

/** The error of a config read that must fail; it must name `path` and carry it (RCFG-022). */
async function failsNaming(read: () => unknown, path: string): Promise<void> {
  const error = await rejects('service', () => callSync(read));
  ok(error instanceof Error, `expected an Error for ${path}`);
  ok(error.message.includes(path), `expected the message to name '${path}': ${error.message}`);
  const { code, configPath } = error as { code?: unknown; configPath?: unknown };
  ok(typeof code === 'string', `expected a string code on the error for ${path}`);
  equal(configPath, path, `configPath of the error for ${path}`);
}

const rootConfigTest = (test: Omit<ConformanceTest, 'chapter' | 'service'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-root-config', service: ROOT_CONFIG });

/** The contract suite of `core.rootConfig` (interface profile). */
export const rootConfigTests: readonly ConformanceTest[] = [
  rootConfigTest({
    id: 'service-root-config/getters',
    requirements: ['RCFG-002', 'RCFG-005', 'RCFG-006', 'RCFG-008', 'RCFG-015', 'RCFG-017'],
    description:
      'getters read values, convert numeric and boolean strings, and treat null as absent',
    async run(ctx) {
      const config = await rootConfig(ctx);
      equal(
        callSync(() => config.getString('app.title')),
        'Conformance',
        "getString('app.title')",
      );
      equal(
        callSync(() => config.getNumber('app.port')),
        7007,
        "getNumber('app.port')",
      );
      equal(
        callSync(() => config.getBoolean('app.flags.on')),
        true,
        "getBoolean('app.flags.on')",
      );
      equal(
        callSync(() => config.getBoolean('app.flags.off')),
        false,
        'getBoolean of "false"',
      );
      equal(
        callSync(() => config.has('app.nothing')),
        false,
        'has() of a null value',
      );
      equal(
        callSync(() => config.getOptional('app.nothing')),
        undefined,
        'getOptional of null',
      );
      equal(
        callSync(() => config.getOptionalString('app.absent')),
        undefined,
        'absent optional',
      );
      deepEqual(
        callSync(() => config.getStringArray('app.list')),
        ['a', 'b'],
        'getStringArray',
      );
      const view = callSync(() => config.getConfig('app.flags'));
      equal(
        callSync(() => view.getString('on')),
        'yes',
        'read through a view',
      );
      const whole = callSync(() => config.get()) as typeof DATA;
      equal(whole.app.title, 'Conformance', 'get() without a key returns the whole tree');
    },
  }),
  rootConfigTest({
    id: 'service-root-config/copies',
    requirements: ['RCFG-009'],
    description: 'values returned by get are copies',
    async run(ctx) {
      const config = await rootConfig(ctx);
      const list = callSync(() => config.get('app.list')) as string[];
      list.push('mutated');
      deepEqual(
        callSync(() => config.get('app.list')),
        ['a', 'b'],
        'app.list after mutation',
      );
    },
  }),
  rootConfigTest({
    id: 'service-root-config/typed-errors',
    requirements: [
      'RCFG-010',
      'RCFG-011',
      'RCFG-013',
      'RCFG-012',
      'RCFG-016',
      'RCFG-019',
      'RCFG-020',
      'RCFG-022',
    ],
    description:
      'missing values, wrong types and bad elements fail with a code and the full config path',
    async run(ctx) {
      const config = await rootConfig(ctx);
      await failsNaming(() => config.getString('app.absent'), 'app.absent');
      await failsNaming(() => config.getNumber('app.title'), 'app.title');
      // RCFG-011: a value of a type the getter does not accept at all.
      await failsNaming(() => config.getString('app.flags'), 'app.flags');
      await failsNaming(() => config.getBoolean('app.list'), 'app.list');
      await failsNaming(() => config.getString('app.empty'), 'app.empty');
      await failsNaming(() => config.getString('app.port.deeper'), 'app.port');
      await failsNaming(() => config.getStringArray('app.mixed'), 'app.mixed[1]');
      const view = callSync(() => config.getConfig('app.flags'));
      await failsNaming(() => view.getNumber('on'), 'app.flags.on');
    },
  }),
  rootConfigTest({
    id: 'service-root-config/invalid-key',
    requirements: ['RCFG-003', 'RCFG-004'],
    description: 'a key that breaks the key grammar fails, naming the key',
    async run(ctx) {
      const config = await rootConfig(ctx);
      for (const key of ['app..title', '.app', 'app.', '1app']) {
        const error = await rejects('service', () => callSync(() => config.getOptional(key)));
        ok(
          error instanceof Error && error.message.includes(key),
          `expected the error for key '${key}' to name it: ${String(error)}`,
        );
      }
    },
  }),
];
