import type { RequestHandler } from 'express';
import { ServiceUnavailableError } from './ServiceUnavailableError.js';

/** The part of a plugin's `lifecycle` service the gate uses. */
export interface LifecycleGateHooks {
  addStartupHook(hook: () => void | Promise<void>): void;
  addShutdownHook(hook: () => void | Promise<void>): void;
}

const STARTING = 0;
const STARTED = 1;
const STOPPING = 2;

/** The gate's handle: the middleware, and a way to refuse at once for a failed plugin. */
export interface LifecycleGate {
  readonly middleware: RequestHandler;
  /** Refuses held and later requests at once, for a plugin whose `init` failed (HTTP-021). */
  markFailed(): void;
}

/**
 * Holds requests until the plugin has started and refuses them once it shuts down (HTTP-016 to
 * HTTP-021).
 *
 * **Details**: once started, the gate costs one comparison per request. Held requests wait at
 * most `timeoutMs`, then fail with 503 `Service has not started up yet`; when the plugin's
 * shutdown hooks are called, every held request fails at once with 503
 * `Service is shutting down`, as does every later one.
 */
export function createLifecycleGate(options: {
  lifecycle: LifecycleGateHooks;
  timeoutMs: number;
}): LifecycleGate {
  let state = STARTING;
  let refusal: string | undefined;
  const held = new Set<(error?: Error) => void>();
  const releaseAll = (error?: Error): void => {
    const waiting = Array.from(held);
    held.clear();
    for (const release of waiting) release(error);
  };
  options.lifecycle.addStartupHook(() => {
    if (state !== STARTING) return;
    state = STARTED;
    releaseAll();
  });
  options.lifecycle.addShutdownHook(() => {
    state = STOPPING;
    refusal = 'Service is shutting down';
    releaseAll(new ServiceUnavailableError(refusal));
  });
  const middleware: RequestHandler = (_req, _res, next) => {
    if (state === STARTED) {
      next();
      return;
    }
    if (state === STOPPING) {
      next(new ServiceUnavailableError(refusal));
      return;
    }
    const timer = setTimeout(() => {
      held.delete(release);
      next(new ServiceUnavailableError('Service has not started up yet'));
    }, options.timeoutMs);
    function release(error?: Error): void {
      clearTimeout(timer);
      next(error);
    }
    held.add(release);
  };
  return {
    middleware,
    markFailed() {
      if (state === STOPPING) return;
      state = STOPPING;
      refusal = 'Service failed to start';
      releaseAll(new ServiceUnavailableError(refusal));
    },
  };
}
