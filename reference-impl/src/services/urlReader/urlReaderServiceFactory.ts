import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
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
  // The readers (and tar) load when a plugin first asks for a reader, not with the package.
  factory: async ({ config, logger, factories }) => {
    const [{ buildUrlReaders }, { DefaultUrlReader }] = await Promise.all([
      import('./buildUrlReaders.js'),
      import('./DefaultUrlReader.js'),
    ]);
    const readers = buildUrlReaders({
      config,
      logger,
      factories,
    });
    return new DefaultUrlReader(readers);
  },
});
