import { coreServices, createBackendFeatureLoader } from '@openstage/reference-impl';

/**
 * Installs the `bookmarks` plugin, and its `https-only` module unless
 * `bookmarks.allowPlainHttp` is true. Added to a backend like any other feature.
 */
export const bookmarksFeatures = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  async *loader({ config }) {
    yield import('../plugin/bookmarksPlugin.js').then((m) => ({ default: m.bookmarksPlugin }));
    if (config.getOptional<boolean>('bookmarks.allowPlainHttp') !== true) {
      yield import('../module/httpsOnlyModule.js').then((m) => ({ default: m.httpsOnlyModule }));
    }
  },
});
