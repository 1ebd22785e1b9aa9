import type { BackendFeature } from '@backstage/backend-plugin-api';

/** The runtimes under comparison. */
export type RuntimeName = 'openstage' | 'backstage';

/** What the benchmark needs of a backend: the surface both runtimes share. */
export interface BenchBackend {
  add(feature: BackendFeature): void;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
}

/**
 * Imports the batteries-included `createBackend` of one runtime. Imported on demand so that a
 * process loads only the runtime it measures, and its load time counts in the ready time.
 */
export async function loadCreateBackend(runtime: RuntimeName): Promise<() => BenchBackend> {
  if (runtime === 'openstage') {
    const { createBackend } = await import('@openstage/reference-impl');
    // Openstage's add() takes its own wire-format types, which Backstage's objects satisfy at
    // run time (the wire format is the contract); the cast only bridges the two declarations.
    return () => createBackend() as unknown as BenchBackend;
  }
  const { createBackend } = await import('@backstage/backend-defaults');
  return () => createBackend() as unknown as BenchBackend;
}

/** Reads a runtime name from a command-line argument, failing on anything else. */
export function parseRuntime(value: string | undefined): RuntimeName {
  if (value === 'openstage' || value === 'backstage') return value;
  throw new Error(`Unknown runtime "${value}": expected "openstage" or "backstage".`);
}
