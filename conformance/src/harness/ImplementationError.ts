import type { NegativePhase } from './ConformanceTest.js';

/**
 * Wraps an error that the implementation threw or rejected with, recording the phase it came
 * from. The harness judges negative tests by it; the original is `error`.
 */
export class ImplementationError extends Error {
  readonly phase: NegativePhase;
  readonly error: unknown;

  constructor(phase: NegativePhase, error: unknown) {
    super(`${phase}: ${describeError(error)}`, { cause: error });
    this.name = 'ImplementationError';
    this.phase = phase;
    this.error = error;
  }
}

/** `code` of an error-like value, if it has a string one. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A one-line description of any thrown value: `[CODE] message`. */
export function describeError(error: unknown): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  // A few lines: a BackendStartupError names its causes on the lines after the first.
  const text = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' / ');
  return code ? `[${code}] ${text}` : text;
}
