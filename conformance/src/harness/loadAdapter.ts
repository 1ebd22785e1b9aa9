import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConformanceAdapter } from './ConformanceAdapter.js';
import { HarnessError } from './HarnessError.js';

/** Built-in adapter names and their modules, relative to this file (same layout in dist). */
export const BUILT_IN_ADAPTERS: Record<string, string> = {
  reference: '../../adapters/reference/index.js',
  backstage: '../../adapters/backstage/index.js',
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
    if (typeof a.supports !== 'object' || a.supports === null)
      problems.push('`supports` must be an object');
    if (typeof a.createBackend !== 'function') problems.push('`createBackend` must be a function');
  }
  if (problems.length > 0)
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ADAPTER',
      `adapter '${source}': ${problems.join('; ')}`,
    );
  return a as ConformanceAdapter;
}
