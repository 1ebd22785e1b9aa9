import type { Backend } from '../backend/Backend.js';
import type { TestBackendOptions } from './TestBackendOptions.js';

/**
 * The signature of `createTestBackend`: the backend `startTestBackend` would start, not yet
 * started.
 *
 * **When to use**: when a test must observe a start that hangs or fails, for example through
 * `getStartupTimeline()` while `start()` is pending.
 *
 * @requirement TEST-254
 * @see {@link StartTestBackend}
 * @category testing
 * @since 0.1.0
 */
export type CreateTestBackend = <TExtensionPoints extends unknown[]>(
  options: TestBackendOptions<TExtensionPoints>,
) => Backend;
