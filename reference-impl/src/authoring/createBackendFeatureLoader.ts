import { OpenstageError } from '../errors/OpenstageError.js';
import { BACKEND_FEATURE_TYPE, BACKEND_FEATURE_VERSION } from '../wireFormat/constants.js';
import type { BackendFeature, ServiceRef } from '../wireFormat/types.js';
import { describeParentCallSite } from './describeParentCallSite.js';

/** Options of {@link createBackendFeatureLoader}. */
export interface CreateBackendFeatureLoaderOptions<TDeps extends { [name in string]: unknown }> {
  /** Root-scoped services only. */
  deps?: { [name in keyof TDeps]: ServiceRef<TDeps[name], 'root'> };
  loader(
    deps: TDeps,
  ):
    | Iterable<BackendFeature | Promise<{ default: BackendFeature }>>
    | Promise<Iterable<BackendFeature | Promise<{ default: BackendFeature }>>>
    | AsyncIterable<BackendFeature | { default: BackendFeature }>;
}

/**
 * Creates a feature loader: a feature that, during startup, yields more
 * features (plugins, modules, service factories, loaders).
 *
 * The produced `loader` awaits the user function, iterates the result with
 * `for await` (so sync, async and generator loaders all work), unwraps
 * `{ default }` items and returns an array.
 */
export function createBackendFeatureLoader<TDeps extends { [name in string]: unknown }>(
  options: CreateBackendFeatureLoaderOptions<TDeps>,
): BackendFeature {
  const description = `created at '${describeParentCallSite()}'`;
  return {
    $$type: BACKEND_FEATURE_TYPE,
    version: BACKEND_FEATURE_VERSION,
    featureType: 'loader' as const,
    description,
    deps: options.deps,
    async loader(deps: TDeps): Promise<BackendFeature[]> {
      const iterable = await options.loader(deps);
      const result: BackendFeature[] = [];
      for await (const item of iterable) {
        if (
          typeof item === 'object' &&
          item !== null &&
          '$$type' in item &&
          item.$$type === BACKEND_FEATURE_TYPE
        ) {
          result.push(item);
        } else if (typeof item === 'object' && item !== null && 'default' in item) {
          result.push(item.default);
        } else {
          throw new OpenstageError('FEAT_INVALID_LOADER_ITEM', {
            loader: description,
            item: String(item),
          });
        }
      }
      return result;
    },
  } as BackendFeature;
}
