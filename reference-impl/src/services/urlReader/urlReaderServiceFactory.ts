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
    const readers = buildUrlReaders({
      config,
      logger,
      factories,
    });
    return new DefaultUrlReader(readers);
  },
});
