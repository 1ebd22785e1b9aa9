import { OpenstageError, describeCause } from '../errors/OpenstageError.js';
import { EXTENSION_POINT_TYPE } from '../wireFormat/constants.js';
import type {
  InternalExtensionPoint,
  InternalRegistration,
  InternalServiceRef,
} from '../wireFormat/types.js';
import { findServiceCycles } from './preflight/findServiceCycles.js';
import { asCatalogError, findingOf } from './preflight/findingFromError.js';
import type { ServiceRegistry } from './ServiceRegistry.js';
import type { StartupTimeline } from './StartupTimeline.js';
import { unwrapFeature } from './unwrapFeature.js';
import {
  describeBackendFeature,
  validateBackendFeature,
  validateRegistrations,
  type ClassifiedFeature,
} from './validateBackendFeature.js';
import type { LoaderRecord, RegisteredInit, WiringModel } from './WiringModel.js';

/** A feature as handed to `add()`, with the path used in error messages. */
export interface AddedFeature {
  feature: Promise<unknown>;
  source: string;
}

function isExtensionPointRef(value: unknown): value is InternalExtensionPoint {
  return typeof value === 'object' && value !== null && (value as { $$type?: unknown }).$$type === EXTENSION_POINT_TYPE;
}

function normalise(registration: InternalRegistration, source: string): RegisteredInit {
  const provides =
    registration.type === 'plugin' || registration.type === 'module'
      ? registration.extensionPoints.map(([ref, impl]) => ({ ref, factory: () => impl }))
      : registration.extensionPoints.map((e) => ({ ref: e.extensionPoint, factory: e.factory }));
  return {
    pluginId: registration.pluginId,
    ...('moduleId' in registration ? { moduleId: registration.moduleId } : {}),
    source,
    provides,
    init: registration.init,
  };
}

/**
 * Resolves every added feature, runs the feature loaders and calls
 * `getRegistrations()`, collecting problems as findings instead of stopping
 * at the first one. Only loaders run user code here (and the root services a
 * loader depends on, which are checked for cycles and missing deps first).
 */
export async function collectFeatures(
  added: readonly AddedFeature[],
  registry: ServiceRegistry,
  timeline?: StartupTimeline,
): Promise<WiringModel> {
  const model: WiringModel = {
    registry,
    registrations: [],
    plugins: new Map(),
    modules: new Map(),
    extensionPoints: new Map(),
    loaders: [],
    refs: new Map(),
    findings: [],
  };
  const registrationFeatures: Array<{ feature: ClassifiedFeature & { type: 'registrations' }; source: string }> = [];
  const pendingLoaders: LoaderRecord[] = [];

  const noteRefs = (deps: Record<string, unknown>): void => {
    for (const dep of Object.values(deps)) {
      if (!isExtensionPointRef(dep)) {
        const ref = dep as InternalServiceRef;
        if (!model.refs.has(ref.id)) model.refs.set(ref.id, ref);
      }
    }
  };

  const route = (classified: ClassifiedFeature, source: string, origin: 'added' | 'loader', parent?: string): void => {
    if (classified.type === 'service') {
      const factory = classified.feature;
      noteRefs({ service: factory.service, ...factory.deps });
      try {
        registry.add(factory, origin, origin === 'loader' ? parent! : source);
      } catch (error) {
        model.findings.push(findingOf(asCatalogError(error), 'service'));
      }
    } else if (classified.type === 'loader') {
      noteRefs(classified.feature.deps ?? {});
      pendingLoaders.push({ loader: classified.feature, source, ...(parent ? { parent } : {}) });
    } else {
      registrationFeatures.push({ feature: classified, source });
    }
  };

  for (const { feature, source: fallbackSource } of added) {
    let resolved: unknown;
    try {
      resolved = unwrapFeature(await feature);
    } catch (error) {
      model.findings.push(
        findingOf(
          new OpenstageError('BACK_FEATURE_REJECTED', { path: fallbackSource, cause: describeCause(error) }, { cause: error }),
          'feature',
        ),
      );
      continue;
    }
    const description = describeBackendFeature(resolved);
    const source = description ? `${fallbackSource} (${description})` : fallbackSource;
    try {
      route(validateBackendFeature(resolved, fallbackSource), source, 'added');
    } catch (error) {
      model.findings.push(findingOf(asCatalogError(error), 'feature'));
    }
  }

  while (pendingLoaders.length > 0) {
    const record = pendingLoaders.shift()!;
    model.loaders.push(record);
    await runLoader(record, model, registry, route, timeline);
  }

  for (const { feature, source } of registrationFeatures) {
    let registrations: InternalRegistration[];
    try {
      registrations = validateRegistrations(feature.feature, source);
    } catch (error) {
      model.findings.push(findingOf(asCatalogError(error), 'feature'));
      continue;
    }
    for (const registration of registrations) {
      const normalised = normalise(registration, source);
      noteRefs(normalised.init.deps);
      model.registrations.push(normalised);
    }
  }
  return model;
}

/**
 * Runs one feature loader. Problems with the loader itself (non-root or
 * missing deps, a throwing loader or dependency) are fatal and thrown as
 * `LOAD_*` errors; problems with the features it produced become findings.
 */
async function runLoader(
  record: LoaderRecord,
  model: WiringModel,
  registry: ServiceRegistry,
  route: (classified: ClassifiedFeature, source: string, origin: 'added' | 'loader', parent?: string) => void,
  timeline: StartupTimeline | undefined,
): Promise<void> {
  const { loader, source } = record;
  const deps = Object.entries(loader.deps ?? {});
  for (const [name, ref] of deps) {
    if (ref.scope !== 'root') {
      throw new OpenstageError('LOAD_NON_ROOT_DEPENDENCY', { loader: loader.description, depName: name, scope: ref.scope });
    }
  }
  const missing = deps.filter(([, ref]) => !ref.multiton && !registry.canProvide(ref)).map(([, ref]) => ref.id);
  if (missing.length > 0) {
    throw new OpenstageError('LOAD_MISSING_DEPENDENCY', { loader: loader.description, missing });
  }
  if (deps.length > 0) {
    // The loader's deps are instantiated now, before preflight has run, so
    // refuse to walk into a cycle that would deadlock instead of failing.
    const [cycle] = await findServiceCycles(registry, model.refs);
    if (cycle) throw new OpenstageError('SVC_CIRCULAR_DEPENDENCY', { serviceId: cycle[0]!, cycle });
  }
  const key = `featureLoader:${source}`;
  timeline?.begin(key, { kind: 'featureLoader', label: `feature loader ${loader.description}`, loader: loader.description });
  let output: unknown;
  try {
    const resolvedDeps: Record<string, unknown> = {};
    for (const [name, ref] of deps) {
      resolvedDeps[name] = await registry.get(ref, 'root');
    }
    output = await loader.loader(resolvedDeps);
    timeline?.end(key);
  } catch (error) {
    const wrapped = new OpenstageError('LOAD_LOADER_FAILED', { loader: loader.description, cause: describeCause(error) }, { cause: error });
    timeline?.end(key, wrapped);
    throw wrapped;
  }
  if (!Array.isArray(output)) {
    throw new OpenstageError('FEAT_INVALID_LOADER', {
      path: `${source} -> loader output`,
      expected: 'an array of backend features',
      received: typeof output,
    });
  }
  const parent = loader.description;
  output.forEach((item, index) => {
    const path = `${source} -> loader output[${index}]`;
    try {
      route(validateBackendFeature(unwrapFeature(item), path), path, 'loader', parent);
    } catch (error) {
      const finding = findingOf(asCatalogError(error), 'feature');
      finding.culprit.loader = parent;
      model.findings.push(finding);
    }
  });
}
