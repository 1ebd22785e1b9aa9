import type { RootConfigService } from '@openstage/spec';
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
    // The authoring ref types rootConfig as the runtime's narrow view; the instance is a Config.
    const readers = buildUrlReaders({
      config: config as unknown as RootConfigService,
      logger,
      factories,
    });
    return new DefaultUrlReader(readers);
  },
});
