import type { LoggerService, RootConfigService, UrlReaderFactory } from '@openstage/spec';
import type { OpaqueService } from '../../authoring/coreServiceTypes.js';
import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { buildUrlReaders } from './buildUrlReaders.js';
import { DefaultUrlReader } from './DefaultUrlReader.js';
import { urlReaderFactoriesServiceRef } from './urlReaderFactoriesServiceRef.js';

/**
 * The default `core.urlReader` factory (spec/docs/services/url-reader.md): custom readers from
 * `core.urlReader.factories` first, then the plain HTTP reader over `backend.reading.allow`.
 */
export const urlReaderServiceFactory = createServiceFactory({
  service: coreServices.urlReader,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.logger,
    factories: urlReaderFactoriesServiceRef,
  },
  factory: ({ config, logger, factories }) => {
    // The authoring refs type rootConfig and logger with the runtime's narrow views and
    // urlReader as an opaque service; the casts go once coreServices carries the spec types.
    const readers = buildUrlReaders({
      config: config as unknown as RootConfigService,
      logger: logger as unknown as LoggerService,
      factories: (factories ?? []) as unknown as readonly UrlReaderFactory[],
    });
    return new DefaultUrlReader(readers) as unknown as OpaqueService;
  },
});
