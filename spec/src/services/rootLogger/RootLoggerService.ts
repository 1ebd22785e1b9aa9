import type { LoggerService } from '../logger/LoggerService.js';

/**
 * The `rootLogger` service (`core.rootLogger`, root scope): the backend-wide logger.
 *
 * **When to use**: in root-scoped services and feature loaders. Plugins use the plugin-scoped
 * `logger` instead, which is normally a child of this one.
 *
 * **Details**: the same interface as {@link LoggerService}; only the scope differs. Equivalent
 * to Backstage's `RootLoggerService`.
 *
 * @requirement LOG-001
 * @requirement LOG-003
 * @see {@link LoggerService}
 * @category services
 * @since 0.1.0
 */
export type RootLoggerService = LoggerService;
