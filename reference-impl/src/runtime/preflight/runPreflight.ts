import { OpenstageError } from '../../errors/OpenstageError.js';
import { EXTENSION_POINT_TYPE } from '../../wireFormat/constants.js';
import type { InternalServiceRef } from '../../wireFormat/types.js';
import { DependencyGraph } from '../DependencyGraph.js';
import type { RegisteredInit, WiringModel } from '../WiringModel.js';
import { serviceCycles } from './findServiceCycles.js';
import { compareFindings, findingOf } from './findingFromError.js';
import type { PreflightFinding } from './PreflightFinding.js';
import { parseDuration } from '../parseDuration.js';
import { resolveServiceGraph, type ServiceGraph } from './resolveServiceGraph.js';

const ROOT_LIFECYCLE = 'core.rootLifecycle';
const PLUGIN_LIFECYCLE = 'core.lifecycle';

export interface PreflightResult {
  findings: PreflightFinding[];
  serviceGraph: ServiceGraph;
}

function isExtensionPoint(dep: unknown): boolean {
  return (dep as { $$type?: unknown }).$$type === EXTENSION_POINT_TYPE;
}

function owner(r: RegisteredInit): { pluginId: string; moduleId?: string } {
  return r.moduleId === undefined
    ? { pluginId: r.pluginId }
    : { pluginId: r.pluginId, moduleId: r.moduleId };
}

const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i;

/** Where a finding about a registration points: its path, and its loader (INIT-114). */
function at(r: RegisteredInit, suffix = ''): { path: string; loader?: string } {
  return { path: `${r.path}${suffix}`, ...(r.loader !== undefined ? { loader: r.loader } : {}) };
}

const POLICY_VALUES = new Set(['abort', 'continue']);

/**
 * Checks the whole wiring without running any factory or init, and fills the
 * model's plugin, module and extension point indexes. Every problem becomes
 * one finding; nothing stops at the first. Findings come back sorted
 * (BACK-071, BACK-072), so the result does not depend on the order of `add()`.
 */
export async function runPreflight(model: WiringModel): Promise<PreflightResult> {
  const findings: PreflightFinding[] = [...model.findings];
  const push = (error: OpenstageError, severity: PreflightFinding['severity'] = 'error'): void => {
    findings.push(findingOf(error, severity));
  };

  // Duplicate plugin and module ids; extension point ownership.
  const pluginSources = new Map<string, string[]>();
  const moduleSources = new Map<string, string[]>();
  const epSources = new Map<string, string[]>();
  for (const r of model.registrations) {
    // FEAT-067: ids that only the legacy pattern accepts are a warning.
    if (
      !ID_PATTERN.test(r.pluginId) ||
      (r.moduleId !== undefined && !ID_PATTERN.test(r.moduleId))
    ) {
      const path = `${r.path}.${r.moduleId !== undefined && !ID_PATTERN.test(r.moduleId) ? 'moduleId' : 'pluginId'}`;
      push(new OpenstageError('FEAT_LEGACY_ID', { ...owner(r), ...at(r), path }), 'warning');
    }
    if (r.moduleId === undefined) {
      pluginSources.set(r.pluginId, [...(pluginSources.get(r.pluginId) ?? []), r.source]);
      if (!model.plugins.has(r.pluginId)) model.plugins.set(r.pluginId, r);
    } else {
      const key = `${r.pluginId}\0${r.moduleId}`;
      moduleSources.set(key, [...(moduleSources.get(key) ?? []), r.source]);
      let modules = model.modules.get(r.pluginId);
      if (!modules) {
        modules = new Map();
        model.modules.set(r.pluginId, modules);
      }
      if (!modules.has(r.moduleId)) modules.set(r.moduleId, r);
    }
  }
  // EXT-014: the copies of one duplicated plugin or module count once; an
  // orphan module's extension points count not at all (MOD-011).
  const registrants = new Map<string, Set<string>>();
  for (const r of model.registrations) {
    if (!pluginSources.has(r.pluginId)) continue;
    const who =
      r.moduleId === undefined
        ? `plugin '${r.pluginId}'`
        : `module '${r.moduleId}' of plugin '${r.pluginId}'`;
    r.provides.forEach(({ ref: ep }, index) => {
      const seen = registrants.get(ep.id) ?? new Set<string>();
      registrants.set(ep.id, seen);
      const key = seen.has(who) && !isCopy(r) ? `${who} (again, extensionPoints[${index}])` : who;
      if (!seen.has(key)) {
        seen.add(key);
        epSources.set(ep.id, [...(epSources.get(ep.id) ?? []), key]);
      }
    });
  }
  function isCopy(r: RegisteredInit): boolean {
    return r.moduleId === undefined
      ? (pluginSources.get(r.pluginId)?.length ?? 0) > 1
      : (moduleSources.get(`${r.pluginId}\0${r.moduleId}`)?.length ?? 0) > 1;
  }
  for (const [pluginId, paths] of pluginSources) {
    if (paths.length > 1) push(new OpenstageError('BACK_DUPLICATE_PLUGIN_ID', { pluginId, paths }));
  }
  for (const [key, paths] of moduleSources) {
    if (paths.length > 1) {
      const [pluginId, moduleId] = key.split('\0') as [string, string];
      push(new OpenstageError('BACK_DUPLICATE_MODULE_ID', { pluginId, moduleId, paths }));
    }
  }
  for (const [extensionPointId, paths] of epSources) {
    if (paths.length > 1)
      push(new OpenstageError('EXT_DUPLICATE_EXTENSION_POINT', { extensionPointId, paths }));
  }
  const installed = [
    ...model.plugins.values(),
    ...[...model.modules.values()].flatMap((m) => [...m.values()]),
  ].filter((r) => model.plugins.has(r.pluginId));
  for (const r of installed) {
    r.provides.forEach(({ ref: ep, factory }, index) => {
      if (model.extensionPoints.has(ep.id)) return;
      model.extensionPoints.set(ep.id, {
        id: ep.id,
        pluginId: r.pluginId,
        ...(r.moduleId !== undefined ? { moduleId: r.moduleId } : {}),
        factory,
        source: `${r.source}.extensionPoints[${index}]`,
      });
    });
  }

  // Orphan modules: reported, never initialised.
  for (const [pluginId, modules] of model.modules) {
    if (model.plugins.has(pluginId)) continue;
    for (const [moduleId, r] of modules) {
      push(new OpenstageError('BACK_ORPHAN_MODULE', { pluginId, moduleId, ...at(r) }), 'warning');
    }
  }

  // Init deps: extension point use and missing services.
  const active = installed.filter((r) => model.plugins.has(r.pluginId));
  const serviceRoots: InternalServiceRef[] = [];
  for (const r of active) {
    for (const [key, dep] of Object.entries(r.init.deps)) {
      if (isExtensionPoint(dep)) {
        const ep = model.extensionPoints.get(dep.id);
        if (r.moduleId === undefined) {
          push(
            new OpenstageError('EXT_ILLEGAL_DEPENDENCY', {
              extensionPointId: dep.id,
              pluginId: r.pluginId,
              dependencyKey: key,
              ...at(r, `.init.deps.${key}`),
            }),
          );
        } else if (!ep) {
          push(
            new OpenstageError('INIT_MISSING_DEPENDENCY', {
              ...owner(r),
              ...at(r, `.init.deps.${key}`),
              dependencyKey: key,
              ref: `extensionPoint{${dep.id}}`,
            }),
          );
        } else if (ep.pluginId !== r.pluginId) {
          push(
            new OpenstageError('EXT_FOREIGN_EXTENSION_POINT', {
              extensionPointId: dep.id,
              pluginId: r.pluginId,
              moduleId: r.moduleId,
              ownerPluginId: ep.pluginId,
              ...at(r, `.init.deps.${key}`),
            }),
          );
        }
        continue;
      }
      const ref = dep as InternalServiceRef;
      serviceRoots.push(ref);
      if (ref.multiton !== true && !model.registry.canProvide(ref)) {
        push(
          new OpenstageError('INIT_MISSING_DEPENDENCY', {
            ...owner(r),
            ...at(r, `.init.deps.${key}`),
            dependencyKey: key,
            ref: `serviceRef{${ref.id}}`,
          }),
        );
      }
    }
  }

  // Module ordering inside each plugin: consumers of an extension point run
  // before the module that provides it.
  for (const [pluginId, modules] of model.modules) {
    if (!model.plugins.has(pluginId)) continue;
    const cycle = moduleOrderGraph([...modules.values()]).detectCircularDependency();
    if (cycle) push(new OpenstageError('INIT_MODULE_CYCLE', { pluginId, cycle }));
  }

  // Services: cycles among every factory, then missing deps and scope
  // violations among the factories that would actually be instantiated.
  const serviceGraph = await resolveServiceGraph(model.registry, model.refs);
  for (const failure of serviceGraph.failures) push(failure);
  for (const cycle of serviceCycles(serviceGraph.nodes)) {
    push(
      new OpenstageError('SVC_CIRCULAR_DEPENDENCY', {
        serviceId: cycle[0]!,
        cycle,
        cycles: [cycle],
      }),
    );
  }
  for (const record of model.registry.eagerRootRecords()) serviceRoots.push(record.factory.service);
  if (model.plugins.size > 0) {
    for (const record of model.registry.eagerPluginRecords())
      serviceRoots.push(record.factory.service);
    serviceRoots.push({ id: PLUGIN_LIFECYCLE, scope: 'plugin' });
  }
  serviceRoots.push({ id: ROOT_LIFECYCLE, scope: 'root' });
  const reached = new Set<string>();
  const queue = serviceRoots.map((ref) => ref.id);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    if (reached.has(id)) continue;
    reached.add(id);
    const node = serviceGraph.nodes.get(id);
    if (!node) continue;
    for (const record of node.records) {
      for (const [key, dep] of Object.entries(record.factory.deps)) {
        if (isExtensionPoint(dep)) {
          push(
            new OpenstageError('EXT_ILLEGAL_DEPENDENCY', {
              extensionPointId: dep.id,
              serviceId: id,
              dependencyKey: key,
            }),
          );
          continue;
        }
        if (node.scope === 'root' && dep.scope !== 'root') {
          push(new OpenstageError('SVC_SCOPE_VIOLATION', { serviceId: id, dependencyId: dep.id }));
        }
        if (dep.multiton !== true && !model.registry.canProvide(dep)) {
          push(
            new OpenstageError('INIT_MISSING_DEPENDENCY', {
              serviceId: id,
              dependencyKey: key,
              ref: `serviceRef{${dep.id}}`,
            }),
          );
        }
        queue.push(dep.id);
      }
    }
  }

  // The runtime drives hooks through the lifecycle services.
  const lifecycleRefs: InternalServiceRef[] = [{ id: ROOT_LIFECYCLE, scope: 'root' }];
  if (model.plugins.size > 0) lifecycleRefs.push({ id: PLUGIN_LIFECYCLE, scope: 'plugin' });
  for (const ref of lifecycleRefs) {
    if (!model.registry.canProvide(model.refs.get(ref.id) ?? ref)) {
      push(
        new OpenstageError('INIT_MISSING_DEPENDENCY', {
          dependencyKey: 'lifecycle',
          ref: `serviceRef{${ref.id}}`,
          serviceId: ref.id,
        }),
      );
    }
  }

  findings.sort(compareFindings);
  return { findings, serviceGraph };
}

/**
 * Checks the configuration preflight reads: `backend.startup` policy values
 * (INIT-065) and targets (INIT-066), and the durations
 * `backend.startup.pendingReportInterval` (INIT-152) and
 * `backend.lifecycle.shutdownPhaseTimeout` (STOP-008).
 */
export function checkStartupConfig(config: unknown, model?: WiringModel): PreflightFinding[] {
  const getOptional = (config as { getOptional?: unknown } | undefined)?.getOptional;
  if (typeof getOptional !== 'function') return [];
  const read = (path: string): unknown => getOptional.call(config, path);
  const findings: PreflightFinding[] = [];
  for (const [configPath, allowFalse] of [
    ['backend.startup.pendingReportInterval', true],
    ['backend.lifecycle.shutdownPhaseTimeout', false],
    ['backend.lifecycle.serverShutdownDelay', false],
    ['backend.lifecycle.startupRequestPauseTimeout', false],
  ] as const) {
    const value = read(configPath);
    if (value === undefined || (allowFalse && value === false)) continue;
    if (parseDuration(value) === undefined) {
      findings.push(
        findingOf(
          new OpenstageError('CONF_INVALID_DURATION', {
            configPath,
            reason: `${JSON.stringify(value)} is not a duration`,
          }),
        ),
      );
    }
  }
  const startup = read('backend.startup') as Record<string, unknown> | undefined;
  if (typeof startup !== 'object' || startup === null) return findings;
  const check = (value: unknown, configPath: string): void => {
    if (value !== undefined && !(typeof value === 'string' && POLICY_VALUES.has(value))) {
      findings.push(
        findingOf(
          new OpenstageError('INIT_INVALID_STARTUP_CONFIG', {
            configPath,
            value: JSON.stringify(value),
          }),
        ),
      );
    }
  };
  const defaults = startup['default'] as Record<string, unknown> | undefined;
  check(defaults?.['onPluginBootFailure'], 'backend.startup.default.onPluginBootFailure');
  check(
    defaults?.['onPluginModuleBootFailure'],
    'backend.startup.default.onPluginModuleBootFailure',
  );
  const plugins = (startup['plugins'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const [pluginId, plugin] of Object.entries(plugins)) {
    const pluginPath = `backend.startup.plugins.${pluginId}`;
    if (model && !model.plugins.has(pluginId)) {
      findings.push(
        findingOf(
          new OpenstageError('INIT_UNKNOWN_STARTUP_TARGET', { configPath: pluginPath, pluginId }),
          'warning',
        ),
      );
    }
    check(plugin?.['onPluginBootFailure'], `${pluginPath}.onPluginBootFailure`);
    const modules = (plugin?.['modules'] ?? {}) as Record<
      string,
      Record<string, unknown> | undefined
    >;
    for (const [moduleId, mod] of Object.entries(modules)) {
      const modulePath = `${pluginPath}.modules.${moduleId}`;
      if (model && model.plugins.has(pluginId) && !model.modules.get(pluginId)?.has(moduleId)) {
        findings.push(
          findingOf(
            new OpenstageError('INIT_UNKNOWN_STARTUP_TARGET', {
              configPath: modulePath,
              pluginId,
              moduleId,
            }),
            'warning',
          ),
        );
      }
      check(mod?.['onPluginModuleBootFailure'], `${modulePath}.onPluginModuleBootFailure`);
    }
  }
  return findings;
}

/**
 * The ordering graph of one plugin's modules. Edges are reversed on purpose:
 * a module that provides an extension point must run after every module that
 * consumes it, so providers "consume" their own extension points here.
 */
export function moduleOrderGraph(modules: RegisteredInit[]): DependencyGraph<string> {
  return DependencyGraph.fromIterable(
    [...modules]
      .sort((a, b) => (a.moduleId! < b.moduleId! ? -1 : a.moduleId! > b.moduleId! ? 1 : 0))
      .map((m) => ({
        value: m.moduleId!,
        consumes: m.provides.map((p) => p.ref.id),
        provides: Object.values(m.init.deps)
          .filter(isExtensionPoint)
          .map((d) => d.id),
      })),
  );
}
