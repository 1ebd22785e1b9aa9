import type { JsonObject } from '@openstage/spec';
import type { AdapterBackend, ConformanceAdapter } from '../../harness/ConformanceAdapter.js';
import { loadAdapter } from '../../harness/loadAdapter.js';
import { describeError } from '../../harness/ImplementationError.js';
import { extensionPoint } from '../../features/extensionPoint.js';
import { plugin } from '../../features/registrations.js';
import { activeResources, leakedResources } from './activeResources.js';
import { checkResults } from './checkResults.js';
import { checkServiceLibrary, SERVICE_LIBRARY_CHECKS } from './checkServiceLibrary.js';
import { featureMockServices } from './featureMockServices.js';
import type { FeatureCheckReport } from './FeatureCheckReport.js';
import { inspectFeature, type FeatureFacts } from './inspectFeature.js';
import { isServiceLibrary } from './inspectServiceLibrary.js';
import { listExportedFeatures } from './listExportedFeatures.js';
import { loadFeatureTarget, type FeatureTarget } from './loadFeatureTarget.js';
import { STOPS_CLEANLY, stopCleanly } from './stopCleanly.js';
import { watchResources } from './watchResources.js';
import { within } from './within.js';

export type {
  FeatureCheckReport,
  FeatureCheckResult,
  ServiceLibraryEntry,
} from './FeatureCheckReport.js';

/** Options of {@link checkFeaturePackage}: a target and the runtime to start it on. */
export type CheckFeaturePackageOptions = FeatureTarget & {
  /** The runtime that starts the feature: an adapter, or a built-in name or module path. */
  adapter: ConformanceAdapter | string;
  /** Service factories replacing the suite's mocks by service id, e.g. a real database. */
  services?: readonly unknown[];
  /** Configuration for `core.rootConfig`. */
  config?: JsonObject;
  /** How long start() and stop() may each take; default 5000 ms. */
  timeoutMs?: number;
};

const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const EXTENSION_POINT_ID = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.[a-z][a-zA-Z0-9]*$/;

const CHECKS = {
  'features/entry-loads': {
    requirements: ['NAME-050', 'MOD-065'],
    description: "the package's entry point imports without throwing and has a default export",
  },
  'features/default-export-is-feature': {
    requirements: [
      'NAME-051',
      'FEAT-001',
      'FEAT-002',
      'FEAT-003',
      'FEAT-023',
      'FEAT-024',
      'FEAT-025',
      'FEAT-026',
      'FEAT-027',
      'PLUG-003',
      'PLUG-008',
    ],
    description: 'the default export is a feature in the wire format, with one valid registration',
  },
  'features/register-without-side-effects': {
    requirements: ['PLUG-006', 'FEAT-029'],
    description:
      'getRegistrations() starts no timer or socket and returns fresh records on each call',
  },
  'features/ids-follow-naming': {
    requirements: ['NAME-001', 'NAME-002', 'NAME-003', 'FEAT-065', 'NAME-020'],
    description:
      'plugin and module ids are lower-case words joined by single dashes; extension point ids are <pluginId>.<camelName>',
  },
  'features/starts-on-mock-services': {
    requirements: ['PLUG-024', 'PLUG-026'],
    description: "the feature starts on the suite's mock core services within the time limit",
  },
  'features/routes-under-prefix': {
    requirements: ['PLUG-019', 'PLUG-020', 'HTTP-008'],
    description:
      'routes go through httpRouter; nothing is mounted on rootHttpRouter outside /api/<pluginId>; auth policy paths are relative',
  },
  'features/stops-cleanly': STOPS_CLEANLY,
} as const;

/**
 * A stand-in for the plugin of a module under test: it registers every extension point the
 * module consumes, with an implementation that accepts any call, so the module can start alone.
 */
function hostPluginFor(facts: FeatureFacts) {
  const module = facts.registrations.find((r) => r.moduleId !== undefined);
  if (!module || facts.registrations.some((r) => r.moduleId === undefined)) return undefined;
  const anything: unknown = new Proxy(() => anything, {
    get: (_target, key) => (key === 'then' ? undefined : anything),
    apply: () => undefined,
  });
  return plugin({
    pluginId: module.pluginId,
    extensionPoints: module.consumes.map((id) => ({
      ref: extensionPoint(id),
      factory: () => anything,
    })),
  });
}

/**
 * Checks a plugin or module package (conformance class `feature`): its default export, its ids,
 * and how it behaves when started and stopped on the suite's mock services through `adapter`'s
 * runtime. A service library (a package with `backstage.role: node-library`, or without a
 * default export but with service refs or factories among its exports) gets the checks of
 * `checkServiceLibrary` instead. Never throws for a bad package: every problem becomes a failed
 * check naming it.
 */
export async function checkFeaturePackage(
  options: CheckFeaturePackageOptions,
): Promise<FeatureCheckReport> {
  const adapter =
    typeof options.adapter === 'string' ? await loadAdapter(options.adapter) : options.adapter;
  const timeoutMs = options.timeoutMs ?? 5000;
  const results = checkResults(CHECKS);
  const { set, skipRest } = results;
  const report = (
    target: string,
    packageName?: string,
    facts?: FeatureFacts,
  ): FeatureCheckReport => {
    const checks = results.list();
    const first = facts?.registrations[0];
    const serviceId = listed?.find((f) => f.export === 'default')?.serviceId;
    return {
      format: 'openstage.feature-check-report',
      formatVersion: 1,
      target,
      ...(packageName !== undefined ? { packageName } : {}),
      adapter: adapter.name,
      kind: 'feature',
      ...(facts
        ? {
            feature: {
              featureType: facts.featureType,
              ...(first ? { pluginId: first.pluginId } : {}),
              ...(first?.moduleId !== undefined ? { moduleId: first.moduleId } : {}),
              ...(serviceId !== undefined ? { serviceId } : {}),
            },
          }
        : {}),
      ...(listed ? { exports: listed } : {}),
      checks,
      ok: checks.every((c) => c.status !== 'failed'),
    };
  };

  // 1. The entry point. A service library has checks of its own.
  const loaded = await loadFeatureTarget(options);
  // What the package exports, for its claim (CLS-011).
  const listed = loaded.namespace ? listExportedFeatures(loaded.namespace) : undefined;
  if (isServiceLibrary(loaded))
    return checkServiceLibrary(loaded, {
      adapter,
      timeoutMs,
      ...('packageDir' in options ? { packageDir: options.packageDir } : {}),
      ...(options.services ? { services: options.services } : {}),
      ...(options.config ? { config: options.config } : {}),
    });
  if (loaded.error !== undefined || !loaded.namespace) {
    set('features/entry-loads', 'failed', loaded.error ?? 'nothing was loaded');
    skipRest('the entry point could not be loaded');
    return report(loaded.label, loaded.packageName);
  }
  let feature = loaded.namespace['default'];
  if (feature === undefined) {
    set(
      'features/entry-loads',
      'failed',
      `${loaded.entry ?? loaded.label} has no default export; export the plugin or module as default (NAME-050)`,
    );
    skipRest('there is no default export');
    return report(loaded.label, loaded.packageName);
  }
  set('features/entry-loads', 'passed');

  // 2. The wire format. A feature factory is called with no arguments (FEAT-100).
  if (
    typeof feature === 'function' &&
    (feature as { $$type?: unknown }).$$type === '@backstage/BackendFeatureFactory'
  )
    feature = (feature as () => unknown)();
  const beforeRegistrations = activeResources();
  const facts = inspectFeature(feature);
  const afterRegistrations = activeResources();
  if (facts.problems.length > 0) {
    set('features/default-export-is-feature', 'failed', facts.problems.join('; '));
    skipRest('the default export is not a valid feature');
    return report(loaded.label, loaded.packageName);
  }
  set('features/default-export-is-feature', 'passed');

  // 3. No side effects in register, fresh records on every call.
  {
    const problems: string[] = [];
    const leaked = leakedResources(beforeRegistrations, afterRegistrations);
    if (leaked.length > 0)
      problems.push(`getRegistrations() left ${leaked.join(', ')} behind (PLUG-006)`);
    if (facts.featureType === 'registrations') {
      const get = (feature as { getRegistrations(): unknown[] }).getRegistrations;
      const first = get.call(feature);
      const second = get.call(feature);
      if (first === second || (first[0] !== undefined && first[0] === second[0]))
        problems.push(
          'getRegistrations() returned the same records twice; it must call register again with fresh registration points (FEAT-029)',
        );
    }
    set(
      'features/register-without-side-effects',
      problems.length > 0 ? 'failed' : 'passed',
      problems.length > 0 ? problems.join('; ') : undefined,
    );
  }

  // 4. Naming.
  {
    const problems: string[] = [];
    for (const r of facts.registrations) {
      if (!ID_PATTERN.test(r.pluginId))
        problems.push(
          `plugin id '${r.pluginId}' is not lower-case letters and digits joined by single dashes, starting with a letter, such as 'user-settings'`,
        );
      if (r.moduleId !== undefined && !ID_PATTERN.test(r.moduleId))
        problems.push(
          `module id '${r.moduleId}' of plugin '${r.pluginId}' is not lower-case letters and digits joined by single dashes, starting with a letter`,
        );
      for (const id of r.provides) {
        const match = EXTENSION_POINT_ID.exec(id);
        if (!match || match[1] !== r.pluginId)
          problems.push(
            `extension point id '${id}' should be '${r.pluginId}.<camelCaseName>', such as '${r.pluginId}.processing'`,
          );
      }
    }
    set(
      'features/ids-follow-naming',
      problems.length > 0 ? 'failed' : 'passed',
      problems.length > 0 ? problems.join('; ') : undefined,
    );
  }

  // 5 to 7. Start and stop on the mock services.
  const mocks = featureMockServices();
  const replaced = new Set(
    (options.services ?? []).map((s) => (s as { service?: { id?: unknown } })?.service?.id),
  );
  const services = [
    ...mocks.factories.filter((f) => !replaced.has(f.service.id)),
    ...(options.services ?? []),
  ];
  const host = hostPluginFor(facts);
  const watch = watchResources();
  let backend: AdapterBackend;
  try {
    backend = adapter.createBackend({
      features: host ? [host, feature] : [feature],
      services: services as never,
      config: options.config ?? {},
    });
  } catch (error) {
    watch.close();
    set(
      'features/starts-on-mock-services',
      'failed',
      `creating the backend threw: ${describeError(error)}`,
    );
    skipRest('the backend could not be created');
    return report(loaded.label, loaded.packageName, facts);
  }
  let started = false;
  try {
    await within(timeoutMs, 'start()', () => backend.start());
    started = true;
    set('features/starts-on-mock-services', 'passed');
  } catch (error) {
    const logged = mocks.record.logs
      .filter((l) => l.level === 'error')
      .map((l) => l.message)
      .slice(0, 3);
    set(
      'features/starts-on-mock-services',
      'failed',
      `start() failed: ${describeError(error)}${logged.length > 0 ? `; logged: ${logged.join(' | ')}` : ''}`,
    );
  }

  if (!started) set('features/routes-under-prefix', 'skipped', 'the feature did not start');
  else {
    const problems: string[] = [];
    const owner = facts.registrations[0]?.pluginId;
    const prefix = `/api/${owner ?? ''}`;
    for (const { path } of mocks.record.rootRoutes) {
      const normalized = path.replace(/\/+$/, '');
      if (owner === undefined || !(normalized === prefix || normalized.startsWith(`${prefix}/`)))
        problems.push(
          `rootHttpRouter.use('${path}') mounts outside ${prefix}; serve routes through the httpRouter service, which mounts them at ${prefix} (PLUG-019, PLUG-020)`,
        );
    }
    for (const { policy, pluginId } of mocks.record.authPolicies) {
      const path = String(policy.path);
      if (path !== '*' && !path.startsWith('/'))
        problems.push(
          `plugin '${pluginId}': auth policy path '${path}' must be '*' or start with '/' (HTTP-008)`,
        );
      else if (path.startsWith(`/api/${pluginId}`))
        problems.push(
          `plugin '${pluginId}': auth policy path '${path}' repeats the mount point; policy paths are relative to /api/${pluginId}`,
        );
    }
    set(
      'features/routes-under-prefix',
      problems.length > 0 ? 'failed' : 'passed',
      problems.length > 0 ? problems.join('; ') : undefined,
    );
  }

  results.judge('features/stops-cleanly', await stopCleanly(backend, watch, timeoutMs));
  return report(loaded.label, loaded.packageName, facts);
}

/**
 * The checks {@link checkFeaturePackage} runs, for listings and traceability: those of plugin
 * and module packages, then those only service libraries get.
 */
export const FEATURE_CHECKS: readonly {
  id: string;
  requirements: readonly string[];
  description: string;
}[] = Object.entries({ ...CHECKS, ...SERVICE_LIBRARY_CHECKS }).map(([id, check]) => ({
  id,
  ...check,
}));
