import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ExpectationsFile } from './generated/ExpectationsFile.js';
import type { Status } from './generated/ConformanceReport.js';
import { HarnessError } from './HarnessError.js';
import type { RawResult } from './runTest.js';

/** The kind of failure an entry expects. */
export type ExpectedKind = 'fail' | 'error' | 'timeout';

/** One expectations entry (CLS-028). */
export interface Expectation {
  requirement: string;
  kind: ExpectedKind;
  reason: string;
}

/** Test id to expectation. */
export type Expectations = Map<string, Expectation>;

const KINDS: readonly string[] = ['fail', 'error', 'timeout'];

/** Checks parsed JSON as an expectations file; every entry needs requirement, kind and reason. */
export function parseExpectations(data: unknown, source: string): Expectations {
  const file = data as Partial<ExpectationsFile> | null;
  if (
    typeof file !== 'object' ||
    file === null ||
    typeof file.tests !== 'object' ||
    file.tests === null
  ) {
    throw new HarnessError(
      'CONF_HARNESS_INVALID_EXPECTATIONS',
      `${source}: expected an object with a "tests" object`,
    );
  }
  const result: Expectations = new Map();
  for (const [id, entry] of Object.entries(file.tests)) {
    const e = entry as Partial<Expectation> | null;
    const complete =
      typeof e === 'object' &&
      e !== null &&
      typeof e.requirement === 'string' &&
      /^[A-Z]+-\d{3}$/.test(e.requirement) &&
      typeof e.kind === 'string' &&
      KINDS.includes(e.kind) &&
      typeof e.reason === 'string' &&
      e.reason.trim() !== '';
    if (!complete) {
      throw new HarnessError(
        'CLS_EXPECTATION_WITHOUT_REASON',
        `${source}: the entry for '${id}' needs a requirement id, a kind (fail, error or timeout) and a reason`,
      );
    }
    result.set(id, {
      requirement: e.requirement!,
      kind: e.kind as ExpectedKind,
      reason: e.reason!,
    });
  }
  return result;
}

/** Reads an expectations file; a missing file means no expected failures. */
export function loadExpectations(path: string): Expectations {
  if (!existsSync(path)) return new Map();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new HarnessError('CONF_HARNESS_INVALID_EXPECTATIONS', `${path}: not valid JSON`, {
      cause: error,
    });
  }
  return parseExpectations(data, path);
}

/** The status and whether it was unexpected, after applying an expectation to a raw outcome. */
export interface Judged {
  status: Status;
  unexpected: boolean;
}

/**
 * Applies an expectation: a pass with an entry is an unexpected pass (CLS-029); a failure whose
 * kind matches its entry is an expected failure; a failure of another kind than expected, or
 * without an entry, stays what it is and is unexpected. `not-supported` and `skipped` are never
 * unexpected.
 */
export function applyExpectation(
  outcome: RawResult['outcome'],
  expectation: Expectation | undefined,
): Judged {
  switch (outcome) {
    case 'not-supported':
    case 'skipped':
      return { status: outcome, unexpected: false };
    case 'pass':
      return expectation
        ? { status: 'unexpected-pass', unexpected: true }
        : { status: 'passed', unexpected: false };
    default: {
      if (expectation && expectation.kind === outcome)
        return { status: 'expected-failure', unexpected: false };
      const status: Status = outcome === 'fail' ? 'failed' : outcome;
      return { status, unexpected: true };
    }
  }
}

/** What `--update-expectations` needs to know about one test that ran. */
export interface RanTest {
  id: string;
  outcome: RawResult['outcome'];
  requirements: readonly string[];
  message?: string;
}

/**
 * Rewrites the entries of the tests that ran and keeps every other entry: a pass removes its
 * entry; a failure, error or timeout gets an entry of that kind, keeping an existing reason.
 * New entries get a reason drawn from the failure message, which a person should then edit.
 */
export function updateExpectations(current: Expectations, ran: readonly RanTest[]): Expectations {
  const next: Expectations = new Map(current);
  for (const test of ran) {
    if (test.outcome === 'pass') {
      next.delete(test.id);
    } else if (test.outcome === 'fail' || test.outcome === 'error' || test.outcome === 'timeout') {
      const existing = current.get(test.id);
      next.set(test.id, {
        requirement: existing?.requirement ?? test.requirements[0] ?? 'CLS-028',
        kind: test.outcome,
        reason:
          existing?.reason ?? `(new) ${test.message ?? test.outcome}`.split('\n')[0]!.slice(0, 200),
      });
    }
  }
  return next;
}

/** Serializes expectations with sorted keys, so the file diffs well. */
export function formatExpectations(adapter: string, expectations: Expectations): string {
  const tests = Object.fromEntries(
    [...expectations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const file: ExpectationsFile & { $schema: string } = {
    $schema: '../schemas/expectations.schema.json',
    adapter,
    tests,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function writeExpectations(path: string, adapter: string, expectations: Expectations): void {
  writeFileSync(path, formatExpectations(adapter, expectations));
}
