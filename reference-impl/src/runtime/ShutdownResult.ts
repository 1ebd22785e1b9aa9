/**
 * What `stop()` resolves to: the spec's shutdown result types (STOP-020 to
 * STOP-022), used as they are.
 */
export type { ShutdownHookResult, ShutdownPhaseResult, ShutdownResult } from '@openstage/spec';
