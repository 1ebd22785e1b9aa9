import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConformanceAdapter } from './ConformanceAdapter.js';
import { HarnessError } from './HarnessError.js';

/** Built-in adapter names and their modules, relative to this file (same layout in dist). */
export const BUILT_IN_ADAPTERS: Record<string, string> = {
  reference: '../../adapters/reference/index.js',
  backstage: '../../adapters/backstage/index.js',
  testkit: '../../adapters/testkit/index.js',
};

/**
 * Loads an adapter by built-in name or module path. The module's default export (or its
 * `adapter` export) is the adapter, or a function returning one (possibly async).
 */
export async function loadAdapter(
  nameOrPath: string,
  cwd: string = process.cwd(),
): Promise<ConformanceAdapter> {
  const builtIn = BUILT_IN_ADAPTERS[nameOrPath];
  const specifier = builtIn
    ? new URL(builtIn, import.meta.url).href
    : nameOrPath.startsWith('.') || isAbsolute(nameOrPath)
      ? pathToFileURL(resolve(cwd, nameOrPath)).href
      : nameOrPath;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new HarnessError(
      'CONF_HARNESS_ADAPTER_NOT_FOUND',
      `cannot load adapter '${nameOrPath}': ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      { cause: error },
    );
  }
  let candidate = mod['default'] ?? mod['adapter'];
  if (typeof candidate === 'function') candidate = await (candidate as () => unknown)();
  return checkAdapter(candidate, nameOrPath);
}

/** Checks the shape of an adapter object (the suite's contract, README "Adapter contract"). */
export function checkAdapter(candidate: unknown, source: string): ConformanceAdapter {
  const a = candidate as Partial<ConformanceAdapter> | null | undefined;
  const problems: string[] = [];
  if (typeof a !== 'object' || a === null) problems.push('no default or `adapter` export');
  else {
    if (typeof a.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(a.name))
      problems.push('`name` must be a lowercase string such as "my-runtime"');
    if (typeof a.implementation !== 'string')
      problems.push('`implementation` (package name) must be a string');
    if (typeof a.version !== 'string') problems.push('`version` must be a string');
    if (!Array.isArray(a.classes)) problems.push('`classes` must be an array');
    else problems.push(...classProblems(a.classes));
    if (typeof a.supports !== 'object' || a.supports === null)
      problems.push('`supports` must be an object');
    if (typeof a.createBackend !== 'function') problems.push('`createBackend` must be a function');
    if (a.services !== undefined) problems.push(...serviceProblems(a.services));
    if (a.engines !== undefined) problems.push(...engineProblems(a.engines));
  }
  if (problems.length > 0)
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ADAPTER',
      `adapter '${source}': ${problems.join('; ')}`,
    );
  return a as ConformanceAdapter;
}

const CLASSES: readonly string[] = ['runtime', 'service', 'feature', 'testkit'];
const PROFILES: readonly string[] = ['interface', 'default'];

/** CLS-001: a claim names at least one class, each one of the four the specification defines. */
function classProblems(classes: readonly unknown[]): string[] {
  if (classes.length === 0)
    return ['`classes` must name at least one of runtime, service, feature, testkit'];
  return classes
    .filter((c) => typeof c !== 'string' || !CLASSES.includes(c))
    .map(
      (c) =>
        `\`classes\` contains ${JSON.stringify(c)}, which is not one of runtime, service, feature, testkit`,
    );
}

/** CLS-006: every service under test names its profile and gives a factory. */
function serviceProblems(services: unknown): string[] {
  if (typeof services !== 'object' || services === null || Array.isArray(services))
    return ['`services` must be an object keyed by service id'];
  const problems: string[] = [];
  for (const [serviceId, entry] of Object.entries(services)) {
    const e = entry as { profile?: unknown; factory?: unknown } | null | undefined;
    if (typeof e !== 'object' || e === null) {
      problems.push(`\`services['${serviceId}']\` must be an object with a profile and a factory`);
      continue;
    }
    if (typeof e.profile !== 'string' || !PROFILES.includes(e.profile))
      problems.push(
        `\`services['${serviceId}'].profile\` must be 'interface' or 'default', received ${JSON.stringify(e.profile)}`,
      );
    if (typeof e.factory !== 'function')
      problems.push(`\`services['${serviceId}'].factory\` must be a function`);
  }
  return problems;
}

/** CLS-026: each engine the run used is named with its version. */
function engineProblems(engines: unknown): string[] {
  if (!Array.isArray(engines)) return ['`engines` must be an array of { name, version }'];
  return engines.flatMap((engine: unknown, index) => {
    const e = engine as { name?: unknown; version?: unknown } | null;
    const named =
      typeof e === 'object' &&
      e !== null &&
      typeof e.name === 'string' &&
      e.name !== '' &&
      typeof e.version === 'string' &&
      e.version !== '';
    return named ? [] : [`\`engines[${index}]\` must be { name, version } with non-empty strings`];
  });
}
