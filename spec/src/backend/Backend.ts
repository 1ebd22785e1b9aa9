import type { BackendFeature } from '../wire/BackendFeature.js';
import type { BackendStartupResult } from './BackendStartupResult.js';
import type { ShutdownResult } from './ShutdownResult.js';
import type { StartupTimeline } from './StartupTimeline.js';
import type { ValidationReport } from './ValidationReport.js';
import type { WiringGraph } from './WiringGraph.js';

/**
 * A backend instance: holds features, starts them, and stops them again.
 *
 * **When to use**: created by `createSpecializedBackend` (or a runtime's `createBackend`); call
 * `add` for each feature, then `start`; call `stop` on shutdown.
 *
 * **Details**: `add`, `start` and `stop` are Backstage's `Backend` interface, except that `stop`
 * resolves to a {@link ShutdownResult} where Backstage's resolves to `undefined`. `validate`,
 * `graph` and `getStartupTimeline` are Openstage additions, so Backstage's `Backend` lacks them.
 * `add` only queues: values are validated when `start`, `validate` or `graph` runs.
 *
 * @example
 * ```ts
 * const backend = createBackend();
 * backend.add(import('@example/plugin-todo-backend'));
 * const report = await backend.validate();
 * if (report.ok) await backend.start();
 * ```
 *
 * @requirement BACK-001
 * @requirement BACK-008
 * @requirement INIT-160
 * @see {@link CreateSpecializedBackend}
 * @see {@link BackendStartupResult}
 * @category backend
 * @since 0.1.0
 */
export interface Backend {
  /**
   * Queues a feature, a promise of one, a module namespace whose `default` is one, or a promise
   * of such a namespace. Throws once `start()` or `stop()` has been called.
   *
   * @requirement BACK-011
   * @requirement BACK-012
   * @requirement BACK-013
   * @requirement BACK-014
   * @requirement BACK-015
   * @requirement BACK-016
   * @requirement BACK-017
   * @requirement BACK-018
   * @requirement BACK-019
   */
  add: (feature: BackendFeature | Promise<{ default: BackendFeature }>) => void;
  /**
   * Starts every feature; resolves with the startup result when the outcome is `'success'`, and
   * rejects with a {@link BackendStartupError} when it is `'failure'`.
   *
   * @requirement BACK-020
   * @requirement BACK-021
   * @requirement BACK-022
   * @requirement BACK-023
   * @requirement BACK-024
   * @requirement BACK-025
   * @requirement INIT-001
   * @requirement INIT-005
   */
  start: () => Promise<{ result: BackendStartupResult }>;
  /**
   * Shuts the backend down and reports what the shutdown hooks did; safe to call more than once
   * and before `start()`.
   *
   * @requirement BACK-055
   * @requirement BACK-056
   * @requirement BACK-057
   * @requirement BACK-058
   * @requirement BACK-059
   * @requirement STOP-001
   * @requirement STOP-002
   * @requirement STOP-003
   * @requirement STOP-004
   * @requirement STOP-005
   * @requirement STOP-020
   * @requirement STOP-026
   */
  stop: () => Promise<ShutdownResult>;
  /**
   * Runs every check of `start()` that needs no initialization and reports all findings.
   *
   * @requirement BACK-060
   * @requirement BACK-064
   * @requirement BACK-065
   * @requirement BACK-066
   * @requirement BACK-067
   * @requirement BACK-068
   * @requirement BACK-069
   * @requirement BACK-070
   * @requirement BACK-071
   * @requirement BACK-072
   * @requirement BACK-073
   * @requirement BACK-074
   * @requirement BACK-075
   */
  validate: () => Promise<ValidationReport>;
  /**
   * Describes the resolved wiring without initializing anything.
   *
   * @requirement BACK-076
   * @requirement BACK-077
   * @requirement BACK-078
   * @requirement BACK-079
   */
  graph: () => Promise<WiringGraph>;
  /**
   * A snapshot of the startup timeline.
   *
   * @requirement INIT-140
   */
  getStartupTimeline: () => StartupTimeline;
}
