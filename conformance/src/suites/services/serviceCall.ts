import fc from 'fast-check';
import { AssertionFailure } from '../../harness/AssertionFailure.js';
import { ImplementationError } from '../../harness/ImplementationError.js';
import type { TestContext } from '../../harness/TestContext.js';
import { checkProperty as checkRuntimeProperty } from '../runtime/checkProperty.js';

/**
 * Calls a method of a service under test. What it throws or rejects with is the
 * implementation's, so it is wrapped with the phase `service`: unexpected, it fails the test
 * (never an `error` of the suite); expected, `rejects('service', ...)` unwraps it.
 */
export async function call<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AssertionFailure || error instanceof ImplementationError) throw error;
    throw new ImplementationError('service', error);
  }
}

/** `call` for a method that must not return a promise. */
export function callSync<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new ImplementationError('service', error);
  }
}

/**
 * Runs a fast-check property with the test's seed, records seed, runs and (on failure) the
 * replay path for the report, and turns a counterexample into a failure that names it.
 * `maxRuns` keeps stateful properties fast in normal runs.
 */
export async function checkProperty<T>(
  ctx: TestContext,
  property: fc.IAsyncProperty<T> | fc.IAsyncPropertyWithHooks<T>,
  maxRuns: number,
): Promise<void> {
  await checkRuntimeProperty(ctx, property, {
    maxRuns,
    interruptAfterTimeLimit: 20_000,
    describeFailure: (details, cause) =>
      `counterexample ${fc.stringify(details.counterexample)}: ${cause instanceof Error ? cause.message : String(cause)}`,
  });
}

/**
 * `action` must fail with an error of the service under test; returns it. The failure message
 * names `what`, so a test that tries several invalid inputs says which one was accepted.
 */
export async function mustReject(what: string, action: () => unknown): Promise<unknown> {
  let value: unknown;
  try {
    value = await call(action);
  } catch (error) {
    if (error instanceof ImplementationError && error.phase === 'service') return error.error;
    throw error;
  }
  throw new AssertionFailure(
    `${what}: expected the service to refuse it, it completed with ${typeof value === 'object' ? 'an object' : String(value)}`,
  );
}
