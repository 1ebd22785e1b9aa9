import { FEATURE_TYPE, SERVICE_REF_TYPE } from '../../features/wireConstants.js';
import type { LoadedTarget } from './loadFeatureTarget.js';

/** A service ref a library exports. */
export interface ExportedServiceRef {
  exportName: string;
  id: string;
  scope: 'root' | 'plugin';
  multiton: boolean;
  /** Whether the ref carries a default factory loader (FEAT-072, FEAT-073). */
  hasDefaultFactory: boolean;
  ref: Record<string, unknown>;
}

/** A service factory a library exports. */
export interface ExportedServiceFactory {
  exportName: string;
  id: string;
  scope: 'root' | 'plugin';
  multiton: boolean;
  factory: Record<string, unknown>;
}

/** What the feature suite learned about a service library from its exports alone. */
export interface ServiceLibraryFacts {
  /** The refs with a valid id and scope (FEAT-068), by export name order. */
  refs: ExportedServiceRef[];
  /** The factories whose `service` is a valid ref, by export name order. */
  factories: ExportedServiceFactory[];
  /** Wire-format problems, each starting with the export at fault. */
  problems: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value that claims to be a service ref: tagged as one, or shaped like one (FEAT-069). */
export function looksLikeServiceRef(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  if (value['$$type'] === SERVICE_REF_TYPE) return true;
  return (
    value['$$type'] === undefined &&
    typeof value['id'] === 'string' &&
    (value['scope'] === 'root' || value['scope'] === 'plugin')
  );
}

/** A value that claims to be a service factory feature (FEAT-010). */
export function looksLikeServiceFactory(value: unknown): value is Record<string, unknown> {
  return (
    isObject(value) &&
    (value['featureType'] === 'service' ||
      (value['$$type'] === FEATURE_TYPE && 'service' in value && !('getRegistrations' in value)))
  );
}

/**
 * Whether a loaded package is a service library rather than a plugin or module package: its
 * package.json declares `backstage.role: node-library` (NAME-045), or it declares no role, has
 * no default export and exports at least one service ref or service factory by name.
 */
export function isServiceLibrary(loaded: LoadedTarget): boolean {
  const role = loaded.backstage?.role;
  if (role === 'node-library') return true;
  if (role !== undefined || !loaded.namespace || loaded.namespace['default'] !== undefined)
    return false;
  return Object.values(loaded.namespace).some(
    (value) => looksLikeServiceRef(value) || looksLikeServiceFactory(value),
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value) ?? String(value);
}

/** The problems of a value used as a service ref (FEAT-068, FEAT-075); none when valid. */
function refProblems(path: string, ref: unknown, tagged: boolean): string[] {
  if (!isObject(ref)) return [`${path}: expected a service ref, received ${describe(ref)}`];
  const problems: string[] = [];
  if (typeof ref['id'] !== 'string' || ref['id'] === '')
    problems.push(`${path}.id: expected a non-empty string, received ${describe(ref['id'])}`);
  if (ref['scope'] !== 'root' && ref['scope'] !== 'plugin')
    problems.push(`${path}.scope: expected 'root' or 'plugin', received ${describe(ref['scope'])}`);
  if (tagged && ref['$$type'] !== SERVICE_REF_TYPE)
    problems.push(
      `${path}.$$type: expected '${SERVICE_REF_TYPE}' (FEAT-075), received ${describe(ref['$$type'])}`,
    );
  if (ref['multiton'] !== undefined && typeof ref['multiton'] !== 'boolean')
    problems.push(`${path}.multiton: expected a boolean, received ${describe(ref['multiton'])}`);
  return problems;
}

/** The problems of a service factory feature (FEAT-001 to FEAT-003, FEAT-083, FEAT-086 to FEAT-090). */
function factoryProblems(path: string, factory: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const expect = (key: string, expected: string, ok: boolean) => {
    if (!ok)
      problems.push(`${path}.${key}: expected ${expected}, received ${describe(factory[key])}`);
  };
  expect('$$type', `'${FEATURE_TYPE}'`, factory['$$type'] === FEATURE_TYPE);
  expect('version', "'v1'", factory['version'] === 'v1');
  expect('featureType', "'service'", factory['featureType'] === 'service');
  problems.push(...refProblems(`${path}.service`, factory['service'], false));
  const deps = factory['deps'];
  if (!isObject(deps)) expect('deps', 'an object of service refs', false);
  else
    for (const [key, dep] of Object.entries(deps))
      problems.push(...refProblems(`${path}.deps.${key}`, dep, false));
  expect('factory', 'a function', typeof factory['factory'] === 'function');
  if (factory['createRootContext'] !== undefined)
    expect('createRootContext', 'a function', typeof factory['createRootContext'] === 'function');
  if (factory['initialization'] !== undefined)
    expect(
      'initialization',
      "'always' or 'lazy'",
      factory['initialization'] === 'always' || factory['initialization'] === 'lazy',
    );
  return problems;
}

/**
 * Reads the service refs and service factories a library exports by name, and checks each
 * against the wire format. Never calls a factory.
 */
export function inspectServiceLibrary(namespace: Record<string, unknown>): ServiceLibraryFacts {
  const facts: ServiceLibraryFacts = { refs: [], factories: [], problems: [] };
  for (const [exportName, value] of Object.entries(namespace)) {
    if (exportName === 'default') continue;
    if (looksLikeServiceFactory(value)) {
      const problems = factoryProblems(exportName, value);
      facts.problems.push(...problems);
      const service = value['service'];
      if (problems.length === 0 && isObject(service))
        facts.factories.push({
          exportName,
          id: service['id'] as string,
          scope: service['scope'] as 'root' | 'plugin',
          multiton: service['multiton'] === true,
          factory: value,
        });
    } else if (looksLikeServiceRef(value)) {
      const problems = refProblems(exportName, value, true);
      facts.problems.push(...problems);
      if (problems.length === 0)
        facts.refs.push({
          exportName,
          id: value['id'] as string,
          scope: value['scope'] as 'root' | 'plugin',
          multiton: value['multiton'] === true,
          hasDefaultFactory:
            typeof value['__defaultFactory'] === 'function' ||
            typeof value['defaultFactory'] === 'function',
          ref: value,
        });
    }
  }
  return facts;
}
