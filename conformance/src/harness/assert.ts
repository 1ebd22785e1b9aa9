import { AssertionFailure } from './AssertionFailure.js';
import type { NegativePhase } from './ConformanceTest.js';
import { ImplementationError, codeOf, describeError } from './ImplementationError.js';

/**
 * The suite's assertions. They throw {@link AssertionFailure}, which always fails a test, so
 * a failed assertion inside a negative test is never mistaken for the expected error.
 */
export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionFailure(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new AssertionFailure(`${what}: expected ${show(expected)}, received ${show(actual)}`);
  }
}

export function deepEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new AssertionFailure(`${what}: expected ${show(expected)}, received ${show(actual)}`);
  }
}

/** `a` occurs in `list` before `b`; both must be present. */
export function before(list: readonly string[], a: string, b: string): void {
  const ia = list.indexOf(a);
  const ib = list.indexOf(b);
  ok(ia !== -1, `expected event '${a}' in [${list.join(', ')}]`);
  ok(ib !== -1, `expected event '${b}' in [${list.join(', ')}]`);
  ok(ia < ib, `expected '${a}' before '${b}' in [${list.join(', ')}]`);
}

/**
 * Runs `action`, which must fail with an error of the implementation in `phase`; returns the
 * original error. Resolving, or failing in another phase, is an assertion failure.
 */
export async function rejects(phase: NegativePhase, action: () => unknown): Promise<unknown> {
  let value: unknown;
  try {
    value = await action();
  } catch (error) {
    if (error instanceof ImplementationError) {
      if (error.phase !== phase) {
        throw new AssertionFailure(
          `expected an error from ${phase}, received one from ${error.phase}: ${describeError(error.error)}`,
        );
      }
      return error.error;
    }
    throw error;
  }
  throw new AssertionFailure(`expected ${phase} to fail, it completed with ${show(value)}`);
}

/** `error` carries `code` (CLS-034) and is an `Error` (CLS-035). */
export function hasCode(error: unknown, code: string): void {
  ok(
    codeOf(error) === code,
    `expected an error with code ${code}, received ${describeError(error)}`,
  );
  ok(error instanceof Error, `expected the ${code} error to be an instance of Error`);
}

/** `error` has a `findings` array with an error-severity finding of `code`. */
export function hasFinding(error: unknown, code: string): Record<string, unknown> {
  const findings = (error as { findings?: unknown } | null)?.findings;
  ok(Array.isArray(findings), `expected ${describeError(error)} to carry a findings array`);
  const found = (findings as Record<string, unknown>[]).find(
    (f) => f?.['code'] === code && f?.['severity'] === 'error',
  );
  ok(
    found,
    `expected an error finding ${code} among [${(findings as { code?: unknown }[]).map((f) => String(f?.code)).join(', ')}]`,
  );
  return found;
}

function show(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  try {
    const text = JSON.stringify(value);
    return text === undefined
      ? String(value)
      : text.length > 200
        ? `${text.slice(0, 200)}...`
        : text;
  } catch {
    return String(value);
  }
}
