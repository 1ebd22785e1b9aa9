import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createBackendModule,
  createBackendPlugin,
  createServiceFactory,
  createServiceRef,
} from '@openstage/reference-impl';
import reference from '../adapters/reference/index.js';
import { checkFeaturePackage } from '../src/suites/features/checkFeaturePackage.js';
import { formatFeatureReport } from '../src/suites/features/formatFeatureReport.js';
import { listExportedFeatures } from '../src/suites/features/listExportedFeatures.js';

const plugin = createBackendPlugin({
  pluginId: 'catalog',
  register: (env) => env.registerInit({ deps: {}, init: async () => undefined }),
});
const module = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'github-provider',
  register: (env) => env.registerInit({ deps: {}, init: async () => undefined }),
});
const clockRef = createServiceRef<{ now(): number }>({ id: 'catalog.clock', scope: 'root' });
const clockFactory = createServiceFactory({
  service: clockRef,
  deps: {},
  factory: () => ({ now: () => 0 }),
});

describe('the feature package claim (CLS-011)', () => {
  it('CLS-011: the report lists every exported feature with its plugin, module and service ids', async () => {
    const report = await checkFeaturePackage({
      module: {
        default: plugin,
        githubProviderModule: module,
        clockServiceFactory: clockFactory,
        clockServiceRef: clockRef,
        helper: () => 'not a feature',
      },
      label: 'catalog-package',
      adapter: reference,
    });
    expect(report.exports).toEqual([
      { export: 'default', featureType: 'registrations', pluginId: 'catalog' },
      { export: 'clockServiceFactory', featureType: 'service', serviceId: 'catalog.clock' },
      {
        export: 'githubProviderModule',
        featureType: 'registrations',
        pluginId: 'catalog',
        moduleId: 'github-provider',
      },
    ]);
    expect(formatFeatureReport(report)).toContain(
      'exports: default: plugin catalog, clockServiceFactory: service catalog.clock, githubProviderModule: module catalog/github-provider',
    );
  });

  it('CLS-011: a service factory as default export is named by its service id', async () => {
    const report = await checkFeaturePackage({
      module: { default: clockFactory },
      label: 'clock-package',
      adapter: reference,
    });
    expect(report.feature).toMatchObject({ featureType: 'service', serviceId: 'catalog.clock' });
    expect(report.exports).toEqual([
      { export: 'default', featureType: 'service', serviceId: 'catalog.clock' },
    ]);
  });

  it('CLS-011: a service library report lists its factories by service id', async () => {
    const report = await checkFeaturePackage({
      packageDir: fileURLToPath(
        new URL('./fixtures/feature-packages/good-service-library', import.meta.url),
      ),
      adapter: reference,
    });
    expect(report.kind).toBe('service-library');
    expect(report.exports).toEqual([
      { export: 'todoListServiceFactory', featureType: 'service', serviceId: 'todo.todoList' },
      { export: 'todoStoreServiceFactory', featureType: 'service', serviceId: 'todo.todoStore' },
    ]);
  });

  it('lists a feature factory by what it returns and leaves out values that are not features', () => {
    const factory = Object.assign(() => module, { $$type: '@backstage/BackendFeatureFactory' });
    const throwing = Object.assign(
      () => {
        throw new Error('boom');
      },
      { $$type: '@backstage/BackendFeatureFactory' },
    );
    expect(
      listExportedFeatures({ default: factory, broken: throwing, ref: clockRef, n: 1 }),
    ).toEqual([
      {
        export: 'default',
        featureType: 'registrations',
        pluginId: 'catalog',
        moduleId: 'github-provider',
      },
    ]);
  });
});
