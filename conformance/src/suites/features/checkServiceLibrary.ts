import type { JsonObject } from '@openstage/spec';
import type { AdapterBackend, ConformanceAdapter } from '../../harness/ConformanceAdapter.js';
import { describeError } from '../../harness/ImplementationError.js';
import { plugin } from '../../features/registrations.js';
import type { TestServiceRef } from '../../features/serviceRef.js';
import { checkResults } from './checkResults.js';
import { featureMockServices } from './featureMockServices.js';
import type { FeatureCheckReport, ServiceLibraryEntry } from './FeatureCheckReport.js';
import { inspectServiceLibrary, type ServiceLibraryFacts } from './inspectServiceLibrary.js';
import { listExportedFeatures } from './listExportedFeatures.js';
import type { LoadedTarget } from './loadFeatureTarget.js';
import { STOPS_CLEANLY, stopCleanly } from './stopCleanly.js';
import { watchResources } from './watchResources.js';
import { within } from './within.js';

/** What {@link checkServiceLibrary} needs besides the loaded package. */
export interface CheckServiceLibraryOptions {
  adapter: ConformanceAdapter;
  /** Whether the target was a package directory, whose package.json can be judged. */
  packageDir?: string;
  services?: readonly unknown[];
  config?: JsonObject;
  timeoutMs: number;
}

/** The checks of a service library, in the order they run. */
export const SERVICE_LIBRARY_CHECKS = {
  'features/service-library-loads': {
    requirements: ['PLUG-023', 'NAME-048'],
    description: "the service library's entry point imports without throwing",
  },
  'features/exports-service-ref-and-factory': {
    requirements: [
      'FEAT-001',
      'FEAT-002',
      'FEAT-003',
      'FEAT-068',
      'FEAT-074',
      'FEAT-075',
      'FEAT-083',
      'FEAT-086',
      'FEAT-087',
      'FEAT-088',
      'FEAT-089',
      'FEAT-090',
    ],
    description:
      'it exports at least one service ref and a service factory (or default factory) for it, in the wire format; each factory provides the service of its ref, with the same scope',
  },
  'features/service-ids-follow-naming': {
    requirements: ['NAME-031', 'NAME-032', 'NAME-033', 'NAME-034', 'NAME-045'],
    description:
      "service ids are '<pluginId>.<camelName>' and never 'core.*'; refs are exported as <name>ServiceRef, factories as <name>ServiceFactory; package.json declares backstage.role node-library",
  },
  'features/service-factory-provides-instances': {
    requirements: ['CLS-012', 'SVC-001', 'SVC-002', 'SVC-003', 'SVC-059'],
    description:
      "installed as default service factories beside the suite's mock core services, the factories give two probe plugins an instance of each service: one per plugin when plugin-scoped, one shared when root-scoped",
  },
  'features/stops-cleanly': STOPS_CLEANLY,
} as const;

const SERVICE_ID = /^(?:([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.)?[a-z][a-zA-Z0-9]*$/;
const PROBES = ['service-probe-one', 'service-probe-two'] as const;

/** A service the probe plugins depend on: the ref they list and who provides it. */
interface ProbedService {
  id: string;
  scope: 'root' | 'plugin';
  multiton: boolean;
  ref: Record<string, unknown>;
  /** The export that provides it, for messages. */
  providedBy: string;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  return typeof value === 'object' || typeof value === 'function' ? typeof value : String(value);
}

/** The services of the library, one entry per service id, as the report lists them. */
function entriesOf(facts: ServiceLibraryFacts): ServiceLibraryEntry[] {
  const entries = new Map<string, ServiceLibraryEntry>();
  for (const r of facts.refs)
    if (!entries.has(r.id)) entries.set(r.id, { id: r.id, scope: r.scope, ref: r.exportName });
  for (const f of facts.factories) {
    const entry = entries.get(f.id);
    if (!entry) entries.set(f.id, { id: f.id, scope: f.scope, factory: f.exportName });
    else if (entry.factory === undefined) entry.factory = f.exportName;
  }
  return [...entries.values()];
}

/** Wire-format problems, and whether each factory provides the service of its ref. */
function exportProblems(facts: ServiceLibraryFacts): string[] {
  const problems = [...facts.problems];
  for (const f of facts.factories) {
    const sibling = f.exportName.replace(/ServiceFactory$/, 'ServiceRef');
    const ref =
      (sibling !== f.exportName ? facts.refs.find((r) => r.exportName === sibling) : undefined) ??
      facts.refs.find((r) => r.id === f.id);
    if (!ref) continue;
    if (ref.id !== f.id)
      problems.push(
        `${f.exportName} provides the service '${f.id}', but ${ref.exportName} has the id '${ref.id}'; create the factory with service: ${ref.exportName}`,
      );
    else if (ref.scope !== f.scope || ref.multiton !== f.multiton)
      problems.push(
        `${f.exportName} provides '${f.id}' as a ${f.scope}-scoped${f.multiton ? ' multiton' : ''} service, but ${ref.exportName} declares it ${ref.scope}-scoped${ref.multiton ? ' multiton' : ''}; create the factory with service: ${ref.exportName}`,
      );
  }
  if (facts.problems.length === 0 && facts.refs.length === 0)
    problems.push(
      'the library exports no service ref; export the ref plugins list in their deps, such as todoListServiceRef = createServiceRef({ id, scope })',
    );
  else if (
    facts.problems.length === 0 &&
    !facts.refs.some((r) => r.hasDefaultFactory || facts.factories.some((f) => f.id === r.id))
  )
    problems.push(
      `no exported ref has a factory: export a service factory for ${facts.refs.map((r) => `'${r.id}'`).join(', ')} (such as ${facts.refs[0]!.exportName.replace(/Ref$/, '')}Factory) or give the ref a defaultFactory`,
    );
  return problems;
}

function namingProblems(facts: ServiceLibraryFacts, loaded: LoadedTarget, packageDir?: string) {
  const problems: string[] = [];
  const pluginId = loaded.backstage?.pluginId;
  const refIds = new Set(facts.refs.map((r) => r.id));
  // A factory for a core service the library does not define replaces that core service;
  // its id is the core service's, not the library's to choose.
  const ids = new Set([
    ...refIds,
    ...facts.factories.map((f) => f.id).filter((id) => !/^(alpha\.)?core\./.test(id)),
  ]);
  for (const id of ids) {
    if (/^(alpha\.)?core\./.test(id))
      problems.push(
        `service id '${id}' is reserved for the core services (NAME-033); use '<pluginId>.<name>', such as 'todo.todoList'`,
      );
    else if (!SERVICE_ID.test(id))
      problems.push(
        `service id '${id}' should be '<pluginId>.<camelCaseName>', such as 'todo.todoList' (NAME-032)`,
      );
    else if (pluginId !== undefined && !id.startsWith(`${pluginId}.`))
      problems.push(
        `service id '${id}' should start with the package's plugin id, as '${pluginId}.${id.split('.').pop()}' (NAME-032)`,
      );
  }
  for (const r of facts.refs)
    if (!/^[a-z][a-zA-Z0-9]*ServiceRef$/.test(r.exportName))
      problems.push(
        `the ref of '${r.id}' is exported as ${r.exportName}; name it <name>ServiceRef, such as todoListServiceRef (NAME-031)`,
      );
  for (const f of facts.factories)
    if (!/^[a-z][a-zA-Z0-9]*ServiceFactory$/.test(f.exportName))
      problems.push(
        `the factory of '${f.id}' is exported as ${f.exportName}; name it <name>ServiceFactory, such as todoListServiceFactory (NAME-034)`,
      );
  const role = loaded.backstage?.role;
  if (packageDir !== undefined && role !== 'node-library')
    problems.push(
      role === undefined
        ? `${packageDir}/package.json declares no backstage.role; add "backstage": { "role": "node-library" } (NAME-045)`
        : `${packageDir}/package.json declares backstage.role '${role}'; a service library is a 'node-library' (NAME-045)`,
    );
  return problems;
}

/** The services the probe plugins depend on: every exported factory's, and defaulted refs. */
function probedServices(facts: ServiceLibraryFacts): ProbedService[] {
  const probed = new Map<string, ProbedService>();
  for (const f of facts.factories)
    if (!probed.has(f.id))
      probed.set(f.id, {
        id: f.id,
        scope: f.scope,
        multiton: f.multiton,
        ref: facts.refs.find((r) => r.id === f.id)?.ref ?? (f.factory['service'] as never),
        providedBy: f.exportName,
      });
  for (const r of facts.refs)
    if (r.hasDefaultFactory && !probed.has(r.id))
      probed.set(r.id, {
        id: r.id,
        scope: r.scope,
        multiton: r.multiton,
        ref: r.ref,
        providedBy: `the default factory of ${r.exportName}`,
      });
  return [...probed.values()];
}

/** Installs one factory per singleton service (the first exported) and every multiton one. */
function factoriesToInstall(facts: ServiceLibraryFacts): Record<string, unknown>[] {
  const seen = new Set<string>();
  return facts.factories
    .filter((f) => {
      if (f.multiton) return true;
      if (seen.has(f.id)) return false;
      seen.add(f.id);
      return true;
    })
    .map((f) => f.factory);
}

function instanceProblems(
  services: readonly ProbedService[],
  received: ReadonlyMap<string, Record<string, unknown>>,
): string[] {
  const problems: string[] = [];
  services.forEach((service, index) => {
    const key = `service${index}`;
    const [one, two] = PROBES.map((id) => received.get(id)?.[key]);
    const label = `'${service.id}' (${service.providedBy})`;
    if (service.multiton) {
      for (const [probe, value] of [
        [PROBES[0], one],
        [PROBES[1], two],
      ] as const)
        if (!Array.isArray(value) || value.length === 0)
          problems.push(
            `${label}: plugin '${probe}' received ${Array.isArray(value) ? 'an empty array' : describe(value)} for the multiton service`,
          );
      return;
    }
    if (one === undefined || one === null || two === undefined || two === null) {
      problems.push(
        `${label}: the probe plugins received ${describe(one)} and ${describe(two)}; factory() must return, or resolve to, the service instance`,
      );
      return;
    }
    if (service.scope === 'root' && one !== two)
      problems.push(
        `${label} is root-scoped, but the two probe plugins received different instances; a root-scoped service has one instance per backend (SVC-001)`,
      );
    if (
      service.scope === 'plugin' &&
      one === two &&
      (typeof one === 'object' || typeof one === 'function')
    )
      problems.push(
        `${label} is plugin-scoped, but both probe plugins received the same object; a plugin-scoped service has its own instance for each plugin (SVC-003): build a new object in factory(), or declare the ref with scope 'root' if one shared instance is meant`,
      );
  });
  return problems;
}

/**
 * Checks a service library: a package that exports service refs and service factories by name
 * (NAME-031, NAME-034) for plugins and modules to depend on and install. It judges the exports'
 * wire format and names, installs the factories on `adapter`'s runtime as default service
 * factories beside the suite's mock core services, starts two probe plugins that depend on every
 * service, checks what they receive, and stops the backend. Never throws for a bad library.
 */
export async function checkServiceLibrary(
  loaded: LoadedTarget,
  options: CheckServiceLibraryOptions,
): Promise<FeatureCheckReport> {
  const { adapter, timeoutMs } = options;
  const results = checkResults(SERVICE_LIBRARY_CHECKS);
  const report = (facts?: ServiceLibraryFacts): FeatureCheckReport => {
    const checks = results.list();
    return {
      format: 'openstage.feature-check-report',
      formatVersion: 1,
      target: loaded.label,
      ...(loaded.packageName !== undefined ? { packageName: loaded.packageName } : {}),
      adapter: adapter.name,
      kind: 'service-library',
      ...(facts ? { services: entriesOf(facts) } : {}),
      ...(loaded.namespace ? { exports: listExportedFeatures(loaded.namespace) } : {}),
      checks,
      ok: checks.every((c) => c.status !== 'failed'),
    };
  };

  // 1. The entry point.
  if (loaded.error !== undefined || !loaded.namespace) {
    results.set('features/service-library-loads', 'failed', loaded.error ?? 'nothing was loaded');
    results.skipRest('the entry point could not be loaded');
    return report();
  }
  results.set('features/service-library-loads', 'passed');

  // 2 and 3. The exports and their names.
  const facts = inspectServiceLibrary(loaded.namespace);
  const exported = exportProblems(facts);
  results.judge('features/exports-service-ref-and-factory', exported);
  results.judge(
    'features/service-ids-follow-naming',
    namingProblems(facts, loaded, options.packageDir),
  );
  if (exported.length > 0) {
    results.skipRest('the library does not export valid service refs and factories');
    return report(facts);
  }

  // 4. Installed beside the mocks, the factories serve two probe plugins.
  const services = probedServices(facts);
  const library = factoriesToInstall(facts);
  const mocks = featureMockServices();
  const idOf = (s: unknown) => (s as { service?: { id?: unknown } })?.service?.id;
  const libraryIds = new Set(library.map(idOf));
  const given = (options.services ?? []).filter((s) => !libraryIds.has(idOf(s)));
  const replaced = new Set([...libraryIds, ...given.map(idOf)]);
  const received = new Map<string, Record<string, unknown>>();
  const deps = Object.fromEntries(
    services.map((s, index) => [`service${index}`, s.ref as unknown as TestServiceRef]),
  );
  const probes = PROBES.map((pluginId) =>
    plugin({ pluginId, deps, init: (resolved) => void received.set(pluginId, resolved) }),
  );
  const watch = watchResources();
  let backend: AdapterBackend;
  try {
    backend = adapter.createBackend({
      features: probes,
      services: [
        ...mocks.factories.filter((f) => !replaced.has(f.service.id)),
        ...given,
        ...library,
      ] as never,
      config: options.config ?? {},
    });
  } catch (error) {
    watch.close();
    results.set(
      'features/service-factory-provides-instances',
      'failed',
      `creating the backend threw: ${describeError(error)}`,
    );
    results.skipRest('the backend could not be created');
    return report(facts);
  }
  try {
    await within(timeoutMs, 'start()', () => backend.start());
    results.judge(
      'features/service-factory-provides-instances',
      instanceProblems(services, received),
    );
  } catch (error) {
    const logged = mocks.record.logs
      .filter((l) => l.level === 'error')
      .map((l) => l.message)
      .slice(0, 3);
    results.set(
      'features/service-factory-provides-instances',
      'failed',
      `start() failed: ${describeError(error)}${logged.length > 0 ? `; logged: ${logged.join(' | ')}` : ''}`,
    );
  }

  // 5. Nothing left running.
  results.judge('features/stops-cleanly', await stopCleanly(backend, watch, timeoutMs));
  return report(facts);
}
