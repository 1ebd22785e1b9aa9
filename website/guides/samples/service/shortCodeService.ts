import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  type ServiceFactory,
} from '@openstage/reference-impl';

/** Hands out short, unique codes for links, prefixed with the calling plugin's id. */
export interface ShortCodeService {
  next(): string;
}

// #region ref
/** The reference plugins depend on; `acme.shortCodes` is its id in the backend. */
export const shortCodeServiceRef = createServiceRef<ShortCodeService>({
  id: 'acme.shortCodes',
  // Used when no factory for the service was added to the backend. The annotation breaks the
  // type cycle between the ref and the factory that names it.
  defaultFactory: async (): Promise<ServiceFactory> => shortCodeServiceFactory,
});
// #endregion ref

// #region factory
/**
 * One instance per plugin. The root context is created once per backend and shared by every
 * plugin's instance, so codes never repeat across plugins.
 */
export const shortCodeServiceFactory = createServiceFactory({
  service: shortCodeServiceRef,
  deps: { config: coreServices.rootConfig, metadata: coreServices.pluginMetadata },
  createRootContext({ config }) {
    const length = config.getOptional<number>('shortCodes.length') ?? 6;
    if (!Number.isInteger(length) || length < 4) {
      throw new Error(`shortCodes.length must be an integer of at least 4, got ${length}`);
    }
    return { length, counter: 0 };
  },
  factory({ metadata }, root) {
    const prefix = metadata.getId();
    return {
      next: () => `${prefix}-${(++root.counter).toString(36).padStart(root.length, '0')}`,
    };
  },
});
// #endregion factory
