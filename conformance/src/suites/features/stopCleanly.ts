import type { AdapterBackend } from '../../harness/ConformanceAdapter.js';
import { describeError } from '../../harness/ImplementationError.js';
import { settle } from './activeResources.js';
import type { ResourceWatch } from './watchResources.js';
import { within } from './within.js';

/** The `features/stops-cleanly` check, shared by every package kind. */
export const STOPS_CLEANLY = {
  requirements: ['PLUG-028', 'LIFE-046'],
  description: 'stop() settles in time and leaves no timer, socket or handle of the feature alive',
} as const;

/**
 * Stops `backend` and lists what it left running of the resources `watch` saw created since
 * before the backend was created; closes the watch. Returns the problems found; none means it
 * stopped cleanly.
 */
export async function stopCleanly(
  backend: AdapterBackend,
  watch: ResourceWatch,
  timeoutMs: number,
): Promise<string[]> {
  try {
    await within(timeoutMs, 'stop()', () => backend.stop());
  } catch (error) {
    watch.close();
    return [`stop() failed: ${describeError(error)}`];
  }
  await settle();
  const leaked = watch.leaked();
  watch.close();
  return leaked.length > 0
    ? [
        `after stop() resolved, ${leaked.join(', ')} still keep the process alive; release them from a shutdown hook of the lifecycle service (PLUG-028)`,
      ]
    : [];
}
