import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
} from '../../src/index.js';
import { findingsOf } from '../helpers/testBackend.js';

/** Ids that are mostly valid, sometimes not: the library must refuse or produce valid features. */
const idArb = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,4}){0,2}$/),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'UPPER', 'with space', '-lead', 'trail-', 'a--b', 'ok.dot', '1st'),
);

/** Builds a plugin, a module, a service factory and a loader from generated arguments. */
function build(args: {
  pluginId: string;
  moduleId: string;
  extensionPointId: string;
  serviceId: string;
  scope: 'root' | 'plugin';
  multiton: boolean;
  initialization: 'always' | 'lazy' | undefined;
}): unknown[] {
  const features: unknown[] = [];
  const attempt = (make: () => unknown) => {
    try {
      features.push(make());
    } catch {
      // Refusing an argument is allowed; producing a malformed feature is not.
    }
  };
  attempt(() =>
    createBackendPlugin({
      pluginId: args.pluginId,
      register(reg) {
        reg.registerExtensionPoint(createExtensionPoint({ id: args.extensionPointId }), {});
        reg.registerInit({ deps: {}, init: async () => {} });
      },
    }),
  );
  attempt(() =>
    createBackendModule({
      pluginId: args.pluginId,
      moduleId: args.moduleId,
      register: (reg) => reg.registerInit({ deps: {}, init: async () => {} }),
    }),
  );
  attempt(() => {
    const service =
      args.scope === 'root'
        ? createServiceRef<string>({
            id: args.serviceId,
            scope: 'root',
            multiton: args.multiton as false,
          })
        : createServiceRef<string>({ id: args.serviceId, multiton: args.multiton as false });
    return createServiceFactory({
      service: service as never,
      deps: {},
      ...(args.initialization ? { initialization: args.initialization } : {}),
      factory: () => 'value',
    });
  });
  attempt(() => createBackendFeatureLoader({ loader: () => [] }));
  return features;
}

describe('CLS-013: the authoring library only produces wire-format features', () => {
  it('CLS-013: whatever arguments it accepts, the features it returns raise no wire-format finding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          pluginId: idArb,
          moduleId: idArb,
          extensionPointId: idArb,
          serviceId: idArb,
          scope: fc.constantFrom('root' as const, 'plugin' as const),
          multiton: fc.boolean(),
          initialization: fc.constantFrom('always' as const, 'lazy' as const, undefined),
        }),
        async (args) => {
          const features = build(args);
          for (const feature of features) {
            const findings = await findingsOf([feature]);
            const wireFormat = findings.filter(
              (f) => f.severity === 'error' && f.code.startsWith('FEAT_'),
            );
            expect(wireFormat, JSON.stringify(args)).toEqual([]);
          }
        },
      ),
      { numRuns: 60, seed: 20261124 },
    );
  });
});
