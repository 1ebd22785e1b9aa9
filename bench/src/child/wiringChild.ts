/**
 * The wiring scenario: one runtime wires `<features>` generated features.
 *
 *   node dist/child/wiringChild.js <openstage|backstage> <features>
 *
 * Both runtimes get the same generated features and the same silent root logger, on their own
 * specialized backend with only their own lifecycle services, so that what is timed is feature
 * collection, validation, dependency resolution and initialization. Openstage reports its
 * preflight (`validate()`) and wiring (`start()`) separately; Backstage has no separate
 * preflight, so its `start()` is the whole.
 */
import {
  coreServices,
  createServiceFactory,
  type BackendFeature,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import { generateFeatures } from '../fixtures/generateFeatures.js';
import { parseRuntime } from './loadRuntime.js';
import { report } from './report.js';

const runtime = parseRuntime(process.argv[2]);
const count = Number(process.argv[3]);
if (!Number.isInteger(count) || count <= 0) {
  throw new Error(
    `wiringChild: feature count "${process.argv[3]}" is not a positive whole number.`,
  );
}

const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};
const rootLogger = createServiceFactory({
  service: coreServices.rootLogger,
  deps: {},
  factory: () => silentLogger,
});

interface WiredBackend {
  add(feature: BackendFeature): void;
  validate?(): Promise<unknown>;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
}

async function createWiringBackend(): Promise<WiredBackend> {
  if (runtime === 'openstage') {
    const { createSpecializedBackend } = await import('@openstage/reference-impl');
    const { lifecycleServiceFactory } =
      await import('@openstage/reference-impl/services/lifecycle');
    const { rootLifecycleServiceFactory } =
      await import('@openstage/reference-impl/services/rootLifecycle');
    return createSpecializedBackend({
      // Backstage's factory objects are Openstage wire format; the cast bridges the declarations.
      defaultServiceFactories: [
        rootLogger as never,
        rootLifecycleServiceFactory,
        lifecycleServiceFactory,
      ],
      pendingReportIntervalMs: false,
    }) as unknown as WiredBackend;
  }
  const { createSpecializedBackend } = await import('@backstage/backend-app-api');
  const { lifecycleServiceFactory } = await import('@backstage/backend-defaults/lifecycle');
  const { rootLifecycleServiceFactory } = await import('@backstage/backend-defaults/rootLifecycle');
  const { loggerServiceFactory } = await import('@backstage/backend-defaults/logger');
  return createSpecializedBackend({
    defaultServiceFactories: [
      rootLogger,
      loggerServiceFactory,
      rootLifecycleServiceFactory,
      lifecycleServiceFactory,
    ],
  });
}

const features = generateFeatures(count);
const backend = await createWiringBackend();
for (const feature of features) backend.add(feature);
const t0 = performance.now();
if (backend.validate) await backend.validate();
const t1 = performance.now();
await backend.start();
const t2 = performance.now();
report({ type: 'wired', preflightMs: t1 - t0, wiringMs: t2 - t1, totalMs: t2 - t0 });
await backend.stop();
