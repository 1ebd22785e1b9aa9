export { urlReaderServiceFactory } from './urlReaderServiceFactory.js';
export { urlReaderFactoriesServiceRef } from './urlReaderFactoriesServiceRef.js';
export { DefaultUrlReader } from './DefaultUrlReader.js';
export { FetchUrlReader } from './FetchUrlReader.js';
export { buildUrlReaders } from './buildUrlReaders.js';
export {
  createTreeResponseFactory,
  type TreeResponseFactory,
  type TreeFile,
} from './tree/TreeResponseFactory.js';
export { parseAllowList, ALLOW_LIST_KEY, type UrlPredicate } from './parseAllowList.js';
export {
  UrlReaderError,
  isUrlReaderError,
  type UrlReaderErrorCode,
  type UrlReaderErrorDetails,
} from './UrlReaderError.js';
