import { AssertionFailure, SkipSignal } from './AssertionFailure.js';
import type { ConformanceAdapter, SupportsManifest } from './ConformanceAdapter.js';
import type { ConformanceTest } from './ConformanceTest.js';
import { ImplementationError, codeOf, describeError } from './ImplementationError.js';
import { createTestContext, type PropertyRun } from './TestContext.js';

/** What one test did, before expectations are applied. */
export interface RawResult {
  outcome: 'pass' | 'fail' | 'error' | 'timeout' | 'not-supported' | 'skipped';
  durationMs: number;
  message?: string;
  error?: { name: string; code?: string; phase?: string; message: string };
  properties: PropertyRun[];
}

export interface RunTestOptions {
  adapter: ConformanceAdapter;
  supports: SupportsManifest;
  seed: number;
  numRuns: number;
  timeoutMs: number;
  /** How long cleanup waits for each backend's `stop()` before abandoning it. */
  stopGraceMs: number;
}

const TIMED_OUT = Symbol('timed out');

/** Resolves after `ms`; the timer is cleared by the returned `cancel`. */
function delay<T>(ms: number, value: T): { promise: Promise<T>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(value), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

function errorInfo(error: unknown): NonNullable<RawResult['error']> {
  const inner = error instanceof ImplementationError ? error.error : error;
  const code = codeOf(inner);
  return {
    name: inner instanceof Error ? inner.name : typeof inner,
    ...(code ? { code } : {}),
    ...(error instanceof ImplementationError ? { phase: error.phase } : {}),
    message: inner instanceof Error ? inner.message : String(inner),
  };
}

/**
 * Judges a thrown value against the test's header. An implementation error is a failure (or,
 * for a negative test, a pass when code, finding and phase match); an assertion failure is a
 * failure; anything else was thrown by the suite or the adapter's glue and is an `error`.
 */
function judge(
  test: ConformanceTest,
  thrown: unknown,
): Pick<RawResult, 'outcome' | 'message' | 'error'> {
  if (thrown instanceof SkipSignal) return { outcome: 'skipped', message: thrown.reason };
  if (thrown instanceof AssertionFailure) return { outcome: 'fail', message: thrown.message };
  if (thrown instanceof ImplementationError) {
    const negative = test.negative;
    if (!negative) {
      return {
        outcome: 'fail',
        message: `unexpected error from ${thrown.phase}: ${describeError(thrown.error)}`,
        error: errorInfo(thrown),
      };
    }
    const code = codeOf(thrown.error);
    const problems: string[] = [];
    if (thrown.phase !== negative.phase)
      problems.push(`phase ${thrown.phase}, expected ${negative.phase}`);
    if (code !== negative.code)
      problems.push(`code ${code ?? '(none)'}, expected ${negative.code}`);
    if (!(thrown.error instanceof Error)) problems.push('not an instance of Error (CLS-035)');
    if (negative.findingCode) {
      const findings = (thrown.error as { findings?: unknown }).findings;
      const found =
        Array.isArray(findings) &&
        findings.some(
          (f: { code?: unknown; severity?: unknown }) =>
            f?.code === negative.findingCode && f?.severity === 'error',
        );
      if (!found) problems.push(`no error finding with code ${negative.findingCode}`);
    }
    if (problems.length === 0) return { outcome: 'pass' };
    return {
      outcome: 'fail',
      message: `wrong error: ${problems.join('; ')} (${describeError(thrown.error)})`,
      error: errorInfo(thrown),
    };
  }
  return {
    outcome: 'error',
    message: `the test or adapter threw: ${describeError(thrown)}`,
    error: errorInfo(thrown),
  };
}

/**
 * Runs one test with a fresh context. The body races a timer: when the timer wins, the test is
 * a `timeout`, its backends are asked to stop (each within `stopGraceMs`) and then abandoned.
 * An abandoned implementation may keep promises, timers or sockets alive; the CLI ends the
 * process explicitly for that reason (see INTERPRETING.md).
 */
export async function runTest(test: ConformanceTest, options: RunTestOptions): Promise<RawResult> {
  const missing = (test.features ?? []).filter((capability) => !options.supports[capability]);
  if (missing.length > 0) {
    return {
      outcome: 'not-supported',
      durationMs: 0,
      message: `capability not declared: ${missing.join(', ')}`,
      properties: [],
    };
  }
  const exempted = testkitExemption(test, options.adapter);
  if (exempted) {
    return { outcome: 'not-supported', durationMs: 0, message: exempted, properties: [] };
  }
  const unsupported = unsupportedService(test, options.adapter);
  if (unsupported) {
    return { outcome: 'not-supported', durationMs: 0, message: unsupported, properties: [] };
  }
  const control = createTestContext(options);
  const startedAt = performance.now();
  const timeoutMs = test.timeoutMs ?? options.timeoutMs;
  const timer = delay(timeoutMs, TIMED_OUT);
  const body = (async () => test.run(control.context))();
  let verdict: Pick<RawResult, 'outcome' | 'message' | 'error'>;
  try {
    const settled = await Promise.race([body.then(() => undefined), timer.promise]);
    if (settled === TIMED_OUT) {
      control.abort();
      // The abandoned body may still settle later; keep that from being unhandled.
      body.catch(() => undefined);
      verdict = { outcome: 'timeout', message: `did not finish within ${timeoutMs} ms` };
    } else if (test.negative) {
      verdict = {
        outcome: 'fail',
        message: `expected ${test.negative.code} from ${test.negative.phase}, nothing was thrown`,
      };
    } else {
      verdict = { outcome: 'pass' };
    }
  } catch (thrown) {
    verdict = judge(test, thrown);
  } finally {
    timer.cancel();
  }
  const durationMs = performance.now() - startedAt;
  await cleanup(control.backends, options.stopGraceMs);
  return { ...verdict, durationMs, properties: control.properties };
}

/**
 * Why a test does not apply to a test kit's backends (CLS-014), or `undefined` when it applies:
 * only an adapter judged as a test kit alone (class `testkit`, not `runtime`) is exempted, and
 * only from tests whose header names the Test utilities requirement that specifies otherwise.
 */
function testkitExemption(test: ConformanceTest, adapter: ConformanceAdapter): string | undefined {
  const exemption = test.testkitExemption;
  if (!exemption) return undefined;
  if (!adapter.classes.includes('testkit') || adapter.classes.includes('runtime')) return undefined;
  return `not applicable to a test kit (CLS-014): ${exemption.requirement} ${exemption.reason}`;
}

/** Why a service contract test cannot run against this adapter, or `undefined` when it can. */
function unsupportedService(
  test: ConformanceTest,
  adapter: ConformanceAdapter,
): string | undefined {
  if (test.service === undefined) return undefined;
  const declared = adapter.services?.[test.service];
  if (!declared) return `service not declared by the adapter: ${test.service}`;
  if (test.profile === 'default' && declared.profile !== 'default')
    return `${test.service} claims the ${declared.profile} profile; this test judges the default profile`;
  for (const need of test.serviceNeeds ?? []) {
    const met = need === 'clock' ? declared.clock === true : declared.declares?.[need] === true;
    if (!met)
      return need === 'clock'
        ? `${test.service} does not declare clock: true; this test drives it with the suite clock`
        : `${test.service} does not declare ${need}: true; this test needs it`;
  }
  return undefined;
}

/** Stops every backend a test created, giving each `stopGraceMs` before abandoning it. */
async function cleanup(
  backends: readonly { stop(): Promise<unknown> }[],
  stopGraceMs: number,
): Promise<void> {
  await Promise.all(
    backends.map(async (backend) => {
      const grace = delay(stopGraceMs, undefined);
      try {
        // Errors from stop() here are not the test's verdict; shutdown tests call stop() themselves.
        await Promise.race([
          Promise.resolve()
            .then(() => backend.stop())
            .catch(() => undefined),
          grace.promise,
        ]);
      } finally {
        grace.cancel();
      }
    }),
  );
}
