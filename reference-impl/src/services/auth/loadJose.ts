import type * as Jose from 'jose';

let loading: Promise<typeof Jose> | undefined;
let loaded: typeof Jose | undefined;

/**
 * jose, imported on first use: a backend loads it when it first issues or verifies a token,
 * not when the auth service is created, which keeps it off the startup path of backends whose
 * requests carry no tokens.
 */
export function loadJose(): Promise<typeof Jose> {
  loading ??= import('jose').then((module) => (loaded = module));
  return loading;
}

/**
 * Whether `error` is jose's error class `name`. Synchronous: before jose is loaded nothing can
 * have thrown one of its errors.
 */
export function isJoseError<N extends keyof typeof Jose.errors>(
  error: unknown,
  name: N,
): error is InstanceType<(typeof Jose.errors)[N]> {
  return loaded !== undefined && error instanceof loaded.errors[name];
}
