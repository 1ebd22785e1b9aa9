import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import reference from '../adapters/reference/index.js';
import {
  checkFeaturePackage,
  FEATURE_CHECKS,
  type FeatureCheckReport,
} from '../src/suites/features/checkFeaturePackage.js';
import { SERVICE_LIBRARY_CHECKS } from '../src/suites/features/checkServiceLibrary.js';
import { formatFeatureReport } from '../src/suites/features/formatFeatureReport.js';
import { requirementIndex } from '../src/harness/version.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/feature-packages/${name}`, import.meta.url));
const conformanceRoot = fileURLToPath(new URL('..', import.meta.url));

const failed = (report: FeatureCheckReport) =>
  report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
const notPassed = (report: FeatureCheckReport) =>
  report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.message}`);
const messageOf = (report: FeatureCheckReport, id: string) =>
  report.checks.find((c) => c.id === id)?.message ?? '';

describe('checkFeaturePackage on service libraries', () => {
  it('a good service library passes every service library check', async () => {
    const report = await checkFeaturePackage({
      packageDir: fixture('good-service-library'),
      adapter: reference,
    });
    expect(notPassed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.kind).toBe('service-library');
    expect(report.feature).toBeUndefined();
    expect(report.checks.map((c) => c.id)).toEqual(Object.keys(SERVICE_LIBRARY_CHECKS));
    expect(report.services).toEqual([
      {
        id: 'todo.todoList',
        scope: 'plugin',
        ref: 'todoListServiceRef',
        factory: 'todoListServiceFactory',
      },
      {
        id: 'todo.todoStore',
        scope: 'root',
        ref: 'todoStoreServiceRef',
        factory: 'todoStoreServiceFactory',
      },
    ]);
    expect(formatFeatureReport(report)).toContain(
      '(service library: todo.todoList plugin, todo.todoStore root)',
    );
  });

  it('recognises a library without package.json by its exports, and then does not ask for a role', async () => {
    const report = await checkFeaturePackage({
      modulePath: fixture('service-library-no-manifest/index.js'),
      adapter: reference,
    });
    expect(report.kind).toBe('service-library');
    expect(notPassed(report)).toEqual([]);
  });

  it('accepts the module namespace of a library, which has no default export', async () => {
    const module: unknown = await import(fixture('good-service-library/index.js'));
    const report = await checkFeaturePackage({ module, adapter: reference });
    expect(report.kind).toBe('service-library');
    expect(notPassed(report)).toEqual([]);
  });

  it('plugin and module packages keep their own checks', async () => {
    const report = await checkFeaturePackage({
      packageDir: fixture('good-plugin'),
      adapter: reference,
    });
    expect(report.kind).toBe('feature');
    expect(report.checks.map((c) => c.id)).not.toContain('features/service-library-loads');
  });

  it('every check names requirements that exist in the specification', () => {
    const index = requirementIndex();
    for (const check of FEATURE_CHECKS)
      for (const id of check.requirements) expect(index.has(id), `${check.id}: ${id}`).toBe(true);
    expect(FEATURE_CHECKS.map((c) => c.id)).toContain(
      'features/service-factory-provides-instances',
    );
    expect(new Set(FEATURE_CHECKS.map((c) => c.id)).size).toBe(FEATURE_CHECKS.length);
  });
});

describe('checkFeaturePackage on broken service libraries', () => {
  afterAll(async () => {
    const leaky = (await import(fixture('service-leaky-timer/index.js'))) as { clearLeak(): void };
    leaky.clearLeak();
  });

  it.each([
    [
      'service-factory-id-mismatch',
      'features/exports-service-ref-and-factory',
      /todoListServiceFactory provides the service 'todo\.list', but todoListServiceRef has the id 'todo\.todoList'/,
    ],
    [
      'service-factory-throws',
      'features/service-factory-provides-instances',
      /todo\.todoClient[\s\S]*todo\.client\.baseUrl is not configured/,
    ],
    [
      'service-shared-plugin-instance',
      'features/service-factory-provides-instances',
      /'todo\.todoList' \(todoListServiceFactory\) is plugin-scoped, but both probe plugins received the same object.*SVC-003/,
    ],
    [
      'service-bad-id',
      'features/service-ids-follow-naming',
      /service id 'Todo_List' should be '<pluginId>\.<camelCaseName>'/,
    ],
    [
      'service-library-without-services',
      'features/exports-service-ref-and-factory',
      /exports no service ref/,
    ],
    ['service-leaky-timer', 'features/stops-cleanly', /1 x Timeout/],
    [
      'service-library-missing-main',
      'features/service-library-loads',
      /dist\/index\.js, which does not exist/,
    ],
  ])(
    '%s fails exactly the check %s, naming the culprit',
    async (name: string, check: string, message: RegExp) => {
      const report = await checkFeaturePackage({ packageDir: fixture(name), adapter: reference });
      expect(report.kind).toBe('service-library');
      expect(failed(report)).toEqual([check]);
      expect(messageOf(report, check)).toMatch(message);
      expect(report.ok).toBe(false);
      expect(formatFeatureReport(report)).toContain(`FAIL ${check} [`);
    },
  );

  it('a factory exported under another name, a core id and a missing role fail the naming check', async () => {
    const report = await checkFeaturePackage({
      module: {
        todoListRef: { $$type: '@backstage/ServiceRef', id: 'core.todoList', scope: 'root' },
        makeTodoList: {
          $$type: '@backstage/BackendFeature',
          version: 'v1',
          featureType: 'service',
          service: { $$type: '@backstage/ServiceRef', id: 'core.todoList', scope: 'root' },
          deps: {},
          factory: async () => ({}),
        },
        default: undefined,
      },
      adapter: reference,
    });
    expect(failed(report)).toEqual(['features/service-ids-follow-naming']);
    const message = messageOf(report, 'features/service-ids-follow-naming');
    expect(message).toMatch(/'core\.todoList' is reserved for the core services \(NAME-033\)/);
    expect(message).toMatch(/exported as todoListRef; name it <name>ServiceRef/);
    expect(message).toMatch(/exported as makeTodoList; name it <name>ServiceFactory/);
  });

  it('a malformed factory fails the wire-format check, naming the export and the field', async () => {
    const report = await checkFeaturePackage({
      module: {
        todoListServiceRef: {
          $$type: '@backstage/ServiceRef',
          id: 'todo.todoList',
          scope: 'plugin',
        },
        todoListServiceFactory: {
          $$type: '@backstage/BackendFeature',
          version: 'v1',
          featureType: 'service',
          service: { id: 'todo.todoList', scope: 'everywhere' },
          deps: { config: 'core.rootConfig' },
          factory: async () => ({}),
          initialization: 'eager',
        },
        default: undefined,
      },
      adapter: reference,
    });
    expect(failed(report)).toEqual(['features/exports-service-ref-and-factory']);
    const message = messageOf(report, 'features/exports-service-ref-and-factory');
    expect(message).toContain("todoListServiceFactory.service.scope: expected 'root' or 'plugin'");
    expect(message).toContain('todoListServiceFactory.deps.config: expected a service ref');
    expect(message).toContain("todoListServiceFactory.initialization: expected 'always' or 'lazy'");
    expect(
      report.checks.find((c) => c.id === 'features/service-factory-provides-instances')?.status,
    ).toBe('skipped');
  });
});

describe('openstage-conformance features on a service library (CLI)', () => {
  it('exits 0 for a good library and 1 for a broken one, printing the service checks', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'features', ...args], {
        cwd: conformanceRoot,
        encoding: 'utf8',
        timeout: 30_000,
      });
    const good = cli(fixture('good-service-library'));
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('PASS features/service-factory-provides-instances [CLS-012');
    const bad = cli(fixture('service-shared-plugin-instance'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('FAIL features/service-factory-provides-instances');
    expect(cli('--help').stdout).toContain('Service libraries');
  });
});

// Last: Backstage's runtime leaves timers of its own that expire later, which would blur the
// resource counts of the stops-cleanly checks above.
describe("checkFeaturePackage on a service library, on Backstage's runtime", () => {
  it("passes on Backstage's runtime through its adapter as well", async () => {
    const report = await checkFeaturePackage({
      packageDir: fixture('good-service-library'),
      adapter: 'backstage',
    });
    expect(notPassed(report)).toEqual([]);
  });
});
