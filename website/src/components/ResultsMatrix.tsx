import React, { useMemo } from 'react';
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import requirementIndex from '@openstage-data/requirements.json';
import results from '@openstage-data/conformance-results.json';
import traceabilityData from '@openstage-data/traceability.json';
import {
  VERDICTS,
  VERDICT_LABELS,
  testsByRequirement,
  verdictFor,
  type ImplementationRun,
  type RequirementVerdict,
  type TestEntry,
  type TestStatus,
} from '../data/conformanceResults';
import { readTraceability } from '../data/traceability';
import { ChapterSelect } from './ChapterSelect';
import { FilterSelect } from './FilterSelect';
import { useChapterPaths } from './useChapterPaths';
import { useQueryFilters } from './useQueryFilters';
import styles from './conformance.module.css';

/** The matrix's filters, kept in the query string so that a view (or one requirement) can be linked to. */
type Filters = {
  chapter: string;
  /** `<adapter>:<verdict>`, `tested` or '' (every requirement). */
  show: string;
  requirement: string;
};

const EMPTY: Filters = { chapter: '', show: '', requirement: '' };

const STATUS_LABELS: Record<TestStatus, string> = {
  passed: 'passed',
  failed: 'failed',
  error: 'error',
  timeout: 'timeout',
  'not-supported': 'not supported',
  'expected-failure': 'expected failure',
  'unexpected-pass': 'unexpected pass',
  skipped: 'skipped',
};

/** The verdict class a single test status is shown with. */
function statusVerdict(status: TestStatus): RequirementVerdict {
  return verdictFor([{ status }]);
}

function Badge({ verdict, children }: { verdict: RequirementVerdict; children: ReactNode }) {
  return (
    <span className={`${styles.badge} ${styles[verdict] ?? ''}`} data-verdict={verdict}>
      {children}
    </span>
  );
}

function implementationLabel(run: ImplementationRun): string {
  return run.adapter === 'reference'
    ? 'Reference'
    : run.adapter === 'backstage'
      ? 'Backstage'
      : run.adapter;
}

/** One implementation's verdict for one requirement, with the reasons of expected failures. */
function VerdictCell({ run, tests }: { run: ImplementationRun; tests: TestEntry[] }): ReactNode {
  const outcomes = tests.map((t) => t.outcomes[run.adapter]);
  const verdict = verdictFor(outcomes);
  const ran = outcomes.filter((o) => o !== undefined);
  const passed = ran.filter((o) => o.status === 'passed').length;
  const reasons = [
    ...new Set(ran.flatMap((o) => (o.status === 'expected-failure' && o.reason ? [o.reason] : []))),
  ];
  return (
    <td data-adapter={run.adapter} data-verdict={verdict}>
      <Badge verdict={verdict}>{VERDICT_LABELS[verdict]}</Badge>
      {ran.length > 1 && (
        <span className={styles.ratio}>
          {' '}
          {passed}/{ran.length} tests passed
        </span>
      )}
      {reasons.map((reason) => (
        <div key={reason} className={styles.reason}>
          {reason}
        </div>
      ))}
    </td>
  );
}

/** The tests that check a requirement: the suite's with their status per implementation, and
 * the reference implementation's own tests from the traceability file. */
function TestsCell({
  tests,
  ownTests,
  untestable,
}: {
  tests: TestEntry[];
  ownTests: string[];
  untestable: string | null;
}): ReactNode {
  if (tests.length === 0 && ownTests.length === 0) {
    return <td className={styles.muted}>{untestable ? `Untestable: ${untestable}` : '—'}</td>;
  }
  return (
    <td>
      <ul className={styles.tests}>
        {tests.map((test) => (
          <li key={test.id} title={test.description}>
            <code>{test.id}</code>{' '}
            {results.implementations.map((run) => {
              const outcome = test.outcomes[run.adapter];
              if (!outcome) return null;
              return (
                <span
                  key={run.adapter}
                  className={`${styles.chip} ${styles[statusVerdict(outcome.status)] ?? ''}`}
                  title={outcome.message ?? outcome.reason ?? ''}
                >
                  {implementationLabel(run)}: {STATUS_LABELS[outcome.status]}
                </span>
              );
            })}
          </li>
        ))}
        {ownTests.map((id) => {
          // `<file> > <test name>`: the file as code, the name as text.
          const [file, ...name] = id.split(' > ');
          return (
            <li key={id} className={styles.ownTest}>
              <code>{file}</code> {name.join(' > ')}{' '}
              <span className={styles.muted}>(reference-impl test)</span>
            </li>
          );
        })}
      </ul>
    </td>
  );
}

/**
 * The results matrix: one row per requirement, one column per implementation whose report is
 * committed under conformance/results, with the verdict of the suite's tests for that
 * requirement (passed, failed, expected failure with its reason, not supported, untested).
 */
export default function ResultsMatrix(): ReactNode {
  const [filters, update] = useQueryFilters(EMPTY);
  const chapterPaths = useChapterPaths();
  const traceability = useMemo(() => readTraceability(traceabilityData), []);
  const byRequirement = useMemo(() => testsByRequirement(results), []);
  const runs = results.implementations;

  const rows = useMemo(
    () =>
      requirementIndex.requirements
        .filter((r) => r.status === 'active')
        .map((requirement) => {
          const tests = byRequirement.get(requirement.id) ?? [];
          const verdicts = Object.fromEntries(
            runs.map((run) => [run.adapter, verdictFor(tests.map((t) => t.outcomes[run.adapter]))]),
          );
          const trace = traceability.requirements[requirement.id];
          const ownTests = (trace?.tests ?? [])
            .filter((t) => t.suite === 'reference-impl')
            .map((t) => t.id);
          return { requirement, tests, verdicts, ownTests, untestable: trace?.untestable ?? null };
        }),
    [byRequirement, runs, traceability],
  );

  /** Requirements per verdict and implementation, for the summary table. */
  const totals = useMemo(
    () =>
      Object.fromEntries(
        runs.map((run) => [
          run.adapter,
          Object.fromEntries(
            VERDICTS.map((v) => [v, rows.filter((row) => row.verdicts[run.adapter] === v).length]),
          ),
        ]),
      ),
    [rows, runs],
  );

  const shown = rows.filter((row) => {
    if (filters.requirement) return row.requirement.id === filters.requirement;
    if (filters.chapter && row.requirement.chapter !== filters.chapter) return false;
    if (filters.show === 'tested') return row.tests.length > 0;
    if (filters.show) {
      const [adapter, verdict] = filters.show.split(':');
      return adapter !== undefined && row.verdicts[adapter] === verdict;
    }
    return true;
  });

  if (runs.length === 0) {
    return (
      <p data-testid="results-missing">
        No conformance report is committed under <code>conformance/results/</code>. Run{' '}
        <code>npm run conformance:results</code> to produce them.
      </p>
    );
  }

  return (
    <div className={styles.matrix}>
      <table className={styles.summary} data-testid="results-summary">
        <thead>
          <tr>
            <th>Implementation</th>
            <th>Run</th>
            {VERDICTS.map((v) => (
              <th key={v}>
                <Badge verdict={v}>{VERDICT_LABELS[v]}</Badge>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.adapter} data-adapter={run.adapter}>
              <th>
                {implementationLabel(run)}{' '}
                <code>
                  {run.implementation}@{run.version}
                </code>
              </th>
              <td className={styles.muted}>
                suite {run.suiteVersion}, spec {run.specVersion}, {run.total} tests,{' '}
                {run.finishedAt.slice(0, 10)}
                {run.certification ? '' : ' (not a certification run)'}
              </td>
              {VERDICTS.map((v) => (
                <td key={v}>{totals[run.adapter]?.[v] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.muted}>
        Counts are of requirements. A requirement is <em>untested</em> when no test of the suite
        lists it; the <Link to="/conformance/coverage">coverage page</Link> also counts the
        reference implementation&apos;s own tests.
      </p>

      <form className={styles.filters} onSubmit={(e) => e.preventDefault()} role="search">
        {filters.requirement ? (
          <span>
            Showing <code>{filters.requirement}</code> only.{' '}
            <button type="button" onClick={() => update({ requirement: '' })}>
              Show all requirements
            </button>
          </span>
        ) : (
          <>
            <ChapterSelect value={filters.chapter} onChange={(chapter) => update({ chapter })} />
            <FilterSelect
              label="Show"
              name="show"
              value={filters.show}
              onChange={(show) => update({ show })}
            >
              <option value="">Every requirement</option>
              <option value="tested">Requirements the suite tests</option>
              {runs.flatMap((run) =>
                VERDICTS.map((v) => (
                  <option key={`${run.adapter}:${v}`} value={`${run.adapter}:${v}`}>
                    {implementationLabel(run)}: {VERDICT_LABELS[v]}
                  </option>
                )),
              )}
            </FilterSelect>
          </>
        )}
        <output className={styles.count} data-testid="results-count">
          {shown.length} of {rows.length} requirements
        </output>
      </form>

      <table className={styles.table} data-testid="results-matrix">
        <thead>
          <tr>
            <th>Requirement</th>
            {runs.map((run) => (
              <th key={run.adapter}>
                {implementationLabel(run)}
                <br />
                <small>{run.version}</small>
              </th>
            ))}
            <th>Tests</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ requirement, tests, ownTests, untestable }) => {
            const chapterPath = chapterPaths.get(requirement.chapter);
            return (
              <tr key={requirement.id} data-requirement={requirement.id}>
                <td className={styles.id}>
                  {chapterPath ? (
                    <Link to={`${chapterPath}#${requirement.id}`}>{requirement.id}</Link>
                  ) : (
                    requirement.id
                  )}
                  <br />
                  <small>{requirement.keyword}</small>
                </td>
                {runs.map((run) => (
                  <VerdictCell key={run.adapter} run={run} tests={tests} />
                ))}
                <TestsCell tests={tests} ownTests={ownTests} untestable={untestable} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
