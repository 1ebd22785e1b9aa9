import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { coreServices } from '../../authoring/coreServices.js';
import { createBackendFeatureLoader } from '../../authoring/createBackendFeatureLoader.js';
import { OpenstageError, describeCause } from '../../errors/OpenstageError.js';
import { BACKEND_FEATURE_TYPE } from '../../wireFormat/constants.js';
import type { BackendFeature } from '../../wireFormat/types.js';
import { isSelected, readBackendPackages } from './readBackendPackages.js';

const ROLES = new Set(['node-library', 'backend', 'backend-plugin', 'backend-plugin-module']);
const FACTORY_TYPE = '@backstage/BackendFeatureFactory';

export interface PackageDiscoveryOptions {
  /** The script whose package is the backend; defaults to `process.argv[1]` (LOAD-048). */
  mainScript?: string;
}

/** The nearest package.json at or above `start` (LOAD-048, LOAD-049). */
function findPackageJson(start: string): string {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new OpenstageError('LOAD_PACKAGE_JSON_NOT_FOUND', { from: start });
    dir = parent;
  }
}

/** A loaded module's `default` as a feature, if it is one (LOAD-055 to LOAD-057). */
function featureOf(namespace: unknown): BackendFeature | undefined {
  let value = (namespace as { default?: unknown } | null)?.default;
  // A CommonJS module compiled from ESM nests its default export once more.
  if (typeof value === 'object' && value !== null && !('$$type' in value) && 'default' in value)
    value = (value as { default: unknown }).default;
  const tag = (value as { $$type?: unknown } | null | undefined)?.$$type;
  if (typeof value === 'object' && value !== null && tag === BACKEND_FEATURE_TYPE)
    return value as BackendFeature;
  if (typeof value === 'function' && tag === FACTORY_TYPE) return (value as () => BackendFeature)();
  return undefined;
}

/**
 * A feature loader that installs the features exported by the backend
 * package's dependencies, selected by `backend.packages` (LOAD-040 to
 * LOAD-060). It depends on `rootConfig` and `rootLogger` only (LOAD-041).
 */
export function createPackageDiscoveryLoader(
  options: PackageDiscoveryOptions = {},
): BackendFeature {
  return createBackendFeatureLoader({
    deps: { config: coreServices.rootConfig, logger: coreServices.rootLogger },
    async *loader({ config, logger }) {
      const selection = readBackendPackages(config.getOptional('backend.packages'));
      if (selection.kind === 'none') return;
      const mainScript = options.mainScript ?? process.argv[1] ?? process.cwd();
      const packageJsonPath = findPackageJson(dirname(mainScript));
      const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const require = createRequire(packageJsonPath);
      const seen = new Set<unknown>();
      // LOAD-050: only `dependencies`.
      for (const name of Object.keys(manifest.dependencies ?? {})) {
        if (!isSelected(selection, name)) continue;
        let role: unknown;
        try {
          const own = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
            backstage?: { role?: unknown };
          };
          role = own.backstage?.role;
        } catch {
          continue; // LOAD-052: its exports do not expose package.json.
        }
        if (typeof role !== 'string' || !ROLES.has(role)) continue; // LOAD-051
        for (const entry of [name, `${name}/alpha`]) {
          let resolved: string;
          try {
            resolved = require.resolve(entry);
          } catch (error) {
            if (entry === name)
              throw new OpenstageError(
                'LOAD_PACKAGE_LOAD_FAILED',
                { packageName: name, cause: describeCause(error) },
                { cause: error },
              );
            continue; // no /alpha entry point (LOAD-053)
          }
          let namespace: unknown;
          try {
            namespace = await import(pathToFileURL(resolved).href);
          } catch (error) {
            throw new OpenstageError(
              'LOAD_PACKAGE_LOAD_FAILED',
              { packageName: name, cause: describeCause(error) },
              { cause: error },
            );
          }
          const feature = featureOf(namespace);
          if (feature === undefined || seen.has(feature)) continue; // LOAD-057, LOAD-058
          seen.add(feature);
          logger.info(`Detected: ${name}`);
          yield feature;
        }
      }
    },
  });
}
