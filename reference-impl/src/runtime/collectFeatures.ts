import { OpenstageError, describeCause } from '../errors/OpenstageError.js';
import { EXTENSION_POINT_TYPE } from '../wireFormat/constants.js';
import type {
  InternalBackendFeatureLoader,
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
  describeValue,
  validateBackendFeature,
  validateRegistrations,
  type ClassifiedFeature,
} from './validateBackendFeature.js';
import type { LoaderRecord, RegisteredInit, WiringModel } from './WiringModel.js';

/** A feature as handed to `add()`, with its `features[<i>]` path. */
export interface AddedFeature {
  feature: Promise<unknown>;
  source: string;
}

function isExtensionPointRef(value: unknown): value is InternalExtensionPoint {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $$type?: unknown }).$$type === EXTENSION_POINT_TYPE
  );
}

function normalise(
  registration: InternalRegistration,
  path: string,
  loader: string | undefined,
): RegisteredInit {
  const provides =
    registration.type === 'plugin' || registration.type === 'module'
      ? registration.extensionPoints.map(([ref, impl]) => ({ ref, factory: () => impl }))
      : registration.extensionPoints.map((e) => ({ ref: e.extensionPoint, factory: e.factory }));
  return {
    pluginId: registration.pluginId,
    ...('moduleId' in registration ? { moduleId: registration.moduleId } : {}),
    source: path,
    path,
    ...(loader !== undefined ? { loader } : {}),
    provides,
    init: registration.init,
  };
}

type Route = (classified: ClassifiedFeature, path: string, loader: string | undefined) => void;

/**
 * Resolves every added feature, runs the feature loaders and calls
 * `getRegistrations()`, collecting problems as findings instead of stopping
 * at the first one. Only loaders run user code here (and the root services a
 * loader depends on, which are checked for cycles and missing deps first).
 *
 * A loader that fails is fatal (LOAD-020, LOAD-022): `model.fatal` is set and
 * nothing further is collected.
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
    ignoredLoaderFactories: [],
  };
  const registrationFeatures: Array<{
    feature: ClassifiedFeature & { type: 'registrations' };
    path: string;
    loader: string | undefined;
  }> = [];
  const pendingLoaders: LoaderRecord[] = [];
  const seenLoaders = new Set<unknown>();
  const loaderFactories: Array<{ serviceId: string; loader: string; multiton: boolean }> = [];

  const noteRefs = (deps: Record<string, unknown>): void => {
    for (const dep of Object.values(deps)) {
      if (!isExtensionPointRef(dep)) {
        const ref = dep as InternalServiceRef;
        if (!model.refs.has(ref.id)) model.refs.set(ref.id, ref);
      }
    }
  };
  const report = (error: unknown, loader?: string): void => {
    const finding = findingOf(asCatalogError(error));
    if (loader !== undefined) finding.loader = loader;
    model.findings.push(finding);
  };

  const route: Route = (classified, path, loader) => {
    if (classified.type === 'service') {
      const factory = classified.feature;
      noteRefs({ service: factory.service, ...factory.deps });
      if (loader !== undefined)
        loaderFactories.push({
          serviceId: factory.service.id,
          loader,
          multiton: factory.service.multiton === true,
        });
      try {
        registry.add(factory, loader !== undefined ? 'loader' : 'added', loader ?? path);
        // LOAD-030, LOAD-031: a loader factory loses to one passed to add().
        if (
          loader !== undefined &&
          factory.service.multiton !== true &&
          registry.getRecords(factory.service.id)?.[0]?.origin === 'added'
        ) {
          model.ignoredLoaderFactories.push({ serviceId: factory.service.id, loader });
        }
      } catch (error) {
        report(error, loader);
      }
    } else if (classified.type === 'loader') {
      // LOAD-015: one loader object runs at most once per collection.
      if (seenLoaders.has(classified.feature)) return;
      seenLoaders.add(classified.feature);
      noteRefs(classified.feature.deps ?? {});
      pendingLoaders.push({
        loader: classified.feature,
        source: path,
        ...(loader !== undefined ? { parent: loader } : {}),
      });
    } else {
      registrationFeatures.push({ feature: classified, path, loader });
    }
  };

  for (const { feature, source: path } of added) {
    let resolved: unknown;
    try {
      resolved = unwrapFeature(await feature);
    } catch (error) {
      model.findings.push(
        findingOf(
          new OpenstageError(
            'BACK_FEATURE_REJECTED',
            { path, cause: describeCause(error) },
            { cause: error },
          ),
        ),
      );
      continue;
    }
    try {
      route(validateBackendFeature(resolved, path), path, undefined);
    } catch (error) {
      report(error);
    }
  }

  // LOAD-002: every added loader's deps are checked before the first one runs.
  const checksFailed = pendingLoaders
    .map((record) => checkLoaderDeps(record.loader, model, registry))
    .some(Boolean);
  while (pendingLoaders.length > 0 && !checksFailed) {
    const record = pendingLoaders.shift()!;
    // LOAD-001, LOAD-006: a loader produced by another loader is checked
    // before it runs; a problem stops every loader not yet run.
    if (record.parent !== undefined && checkLoaderDeps(record.loader, model, registry)) break;
    model.loaders.push(record);
    try {
      await runLoader(record, model, registry, route, timeline);
    } catch (error) {
      const failure = asCatalogError(error);
      model.fatal = failure;
      model.findings.push(findingOf(failure));
      return model;
    }
  }

  // LOAD-036: a loader factory that replaces a service loaders depend on
  // would be seen by some loaders and not others, depending on order.
  const loaderDeps = new Set<string>(registry.instantiatedIds());
  for (const record of model.loaders)
    for (const ref of Object.values(record.loader.deps ?? {})) loaderDeps.add(ref.id);
  for (const { serviceId, loader, multiton } of loaderFactories) {
    if (multiton || !loaderDeps.has(serviceId)) continue;
    if (registry.getRecords(serviceId)?.[0]?.origin !== 'loader') continue;
    model.findings.push(
      findingOf(new OpenstageError('LOAD_LOADER_DEPENDENCY_REPLACED', { serviceId, loader })),
    );
  }

  for (const { feature, path, loader } of registrationFeatures) {
    let registrations: InternalRegistration[];
    try {
      registrations = validateRegistrations(feature.feature, path);
    } catch (error) {
      report(error, loader);
      continue;
    }
    registrations.forEach((registration, index) => {
      const normalised = normalise(registration, `${path}.getRegistrations()[${index}]`, loader);
      noteRefs(normalised.init.deps);
      model.registrations.push(normalised);
    });
  }
  return model;
}

/**
 * Checks a loader's declared deps (LOAD-003, LOAD-004, EXT-025); adds a
 * finding per problem and returns whether there was any.
 */
function checkLoaderDeps(
  loader: InternalBackendFeatureLoader,
  model: WiringModel,
  registry: ServiceRegistry,
): boolean {
  let failed = false;
  for (const [dependencyKey, dep] of Object.entries(loader.deps ?? {})) {
    const description = loader.description;
    let error: OpenstageError | undefined;
    if (isExtensionPointRef(dep)) {
      error = new OpenstageError('EXT_ILLEGAL_DEPENDENCY', {
        extensionPointId: dep.id,
        loader: description,
        dependencyKey,
      });
    } else if (dep.scope !== 'root') {
      error = new OpenstageError('LOAD_NON_ROOT_DEPENDENCY', {
        loader: description,
        dependencyKey,
        serviceId: dep.id,
        scope: dep.scope,
      });
    } else if (dep.multiton !== true && !registry.canProvide(dep)) {
      error = new OpenstageError('LOAD_MISSING_DEPENDENCY', {
        loader: description,
        dependencyKey,
        ref: `serviceRef{${dep.id}}`,
      });
    }
    if (error) {
      failed = true;
      model.findings.push(findingOf(error));
    }
  }
  return failed;
}

function isIterable(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' ||
      typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function')
  );
}

/**
 * Runs one feature loader. A throwing loader, iteration or dependency is
 * thrown as `LOAD_LOADER_FAILED` (LOAD-020, LOAD-023); problems with the
 * features it produced become findings carrying the loader (LOAD-016).
 */
async function runLoader(
  record: LoaderRecord,
  model: WiringModel,
  registry: ServiceRegistry,
  route: Route,
  timeline: StartupTimeline | undefined,
): Promise<void> {
  const { loader, source } = record;
  const deps = Object.entries(loader.deps ?? {});
  if (deps.length > 0) {
    // The loader's deps are instantiated now, before preflight has run, so
    // refuse to walk into a cycle that would deadlock instead of failing.
    const [cycle] = await findServiceCycles(registry, model.refs);
    if (cycle)
      throw new OpenstageError('SVC_CIRCULAR_DEPENDENCY', {
        serviceId: cycle[0]!,
        cycle,
        cycles: [cycle],
      });
  }
  const key = `featureLoader:${source}`;
  timeline?.begin(key, {
    kind: 'featureLoader',
    label: `feature loader ${loader.description}`,
    loader: loader.description,
  });
  const items: unknown[] = [];
  let output: unknown;
  try {
    const resolvedDeps: Record<string, unknown> = {};
    for (const [name, ref] of deps) {
      resolvedDeps[name] = await registry.get(ref, 'root');
    }
    output = await loader.loader(resolvedDeps);
    if (isIterable(output)) {
      for await (const item of output) items.push(item);
    }
    timeline?.end(key);
  } catch (error) {
    const wrapped = new OpenstageError(
      'LOAD_LOADER_FAILED',
      { loader: loader.description, cause: describeCause(error) },
      { cause: error },
    );
    timeline?.end(key, wrapped);
    throw wrapped;
  }
  if (!isIterable(output)) {
    model.findings.push(
      findingOf(
        new OpenstageError('FEAT_INVALID_LOADER', {
          path: `${source}.loader()`,
          expected: 'an array, an iterable or an async iterable of features',
          received: describeValue(output),
        }),
      ),
    );
    model.findings[model.findings.length - 1]!.loader = loader.description;
    return;
  }
  items.forEach((item, index) => {
    const path = `${source}.loader()[${index}]`;
    try {
      route(validateBackendFeature(unwrapFeature(item), path), path, loader.description);
    } catch (error) {
      const finding = findingOf(asCatalogError(error));
      finding.loader = loader.description;
      model.findings.push(finding);
    }
  });
}
