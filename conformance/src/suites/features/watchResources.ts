import { createHook } from 'node:async_hooks';

/**
 * The async resource types that keep the event loop alive, with the names
 * `process.getActiveResourcesInfo()` gives them (which messages use).
 */
const LOOP_KEEPERS: Record<string, string> = {
  Timeout: 'Timeout',
  Immediate: 'Immediate',
  TCPSERVERWRAP: 'TCPServerWrap',
  TCPWRAP: 'TCPSocketWrap',
  PIPESERVERWRAP: 'PipeServerWrap',
  PIPEWRAP: 'PipeWrap',
  UDPWRAP: 'UDPWrap',
  FSEVENTWRAP: 'FSEventWrap',
  STATWATCHER: 'StatWatcher',
  PROCESSWRAP: 'ProcessWrap',
  SIGNALWRAP: 'SignalWrap',
  FSREQCALLBACK: 'FSReqCallback',
};

/** What {@link watchResources} returns. */
export interface ResourceWatch {
  /**
   * The resources created since the watch began that still keep the process alive, as
   * `2 x Timeout`. Unreferenced timers and handles (`unref()`) do not count.
   */
  leaked(): string[];
  /** Stops watching; call it once the check is over. */
  close(): void;
}

const isAlive = (resource: object) => {
  const r = resource as { _destroyed?: unknown; hasRef?: () => boolean };
  return r._destroyed !== true && (typeof r.hasRef !== 'function' || r.hasRef());
};

/**
 * Watches the timers, sockets, servers, watchers and child processes created from now on, by
 * identity: a resource of someone else that ends meanwhile (a timer of an earlier backend
 * firing) cannot hide a leak, as it could when only counts before and after were compared.
 * Each count is also capped by what Node reports as active, in case a destroy went unseen.
 */
export function watchResources(): ResourceWatch {
  const live = new Map<number, { type: string; resource: object }>();
  const hook = createHook({
    init(asyncId, type, _triggerAsyncId, resource) {
      if (type in LOOP_KEEPERS) live.set(asyncId, { type: LOOP_KEEPERS[type]!, resource });
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  }).enable();
  return {
    leaked() {
      const counts = new Map<string, number>();
      for (const { type, resource } of live.values())
        if (isAlive(resource)) counts.set(type, (counts.get(type) ?? 0) + 1);
      const active = new Map<string, number>();
      for (const type of process.getActiveResourcesInfo())
        active.set(type, (active.get(type) ?? 0) + 1);
      const leaked: string[] = [];
      for (const [type, count] of counts) {
        const shown = Math.min(count, active.get(type) ?? 0);
        if (shown > 0) leaked.push(`${shown} x ${type}`);
      }
      return leaked;
    },
    close() {
      hook.disable();
      live.clear();
    },
  };
}
