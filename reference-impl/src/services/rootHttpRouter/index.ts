export {
  DefaultRootHttpRouter,
  type DefaultRootHttpRouterOptions,
} from './DefaultRootHttpRouter.js';
export {
  createRootHttpRouter,
  type RootHttpRouterConfigureContext,
  type RootHttpRouterDependencies,
  type RootHttpRouterFactoryOptions,
  type RootHttpRouterLifecycle,
  type StartedRootHttpRouter,
} from './createRootHttpRouter.js';
export { rootHttpRouterServiceFactory } from './rootHttpRouterServiceFactory.js';
export { MiddlewareFactory } from './MiddlewareFactory.js';
export { createErrorHandler, type ErrorHandlerOptions } from './createErrorHandler.js';
export { composeHandlers, type ComposableHandler } from './composeHandlers.js';
export { createNotFoundHandler } from './createNotFoundHandler.js';
export { createHealthRouter } from './createHealthRouter.js';
export { createHttpServer, type ManagedHttpServer } from './createHttpServer.js';
export {
  createRateLimiter,
  readRateLimitOptions,
  type RateLimitOptions,
  type RateLimiter,
} from './createRateLimiter.js';
export type { RateLimitHit, RateLimitStore } from './RateLimitStore.js';
export { MemoryRateLimitStore } from './MemoryRateLimitStore.js';
export { RedisRateLimitStore } from './RedisRateLimitStore.js';
export { createSelfSignedCertificate, type PemCertificate } from './createSelfSignedCertificate.js';
export { readDuration } from './readDuration.js';
export { readListenOptions, type ListenOptions } from './readListenOptions.js';
export type { ConfigReader } from './ConfigReader.js';
export {
  RootHttpRouterError,
  isRootHttpRouterError,
  type RootHttpRouterErrorCode,
} from './RootHttpRouterError.js';
