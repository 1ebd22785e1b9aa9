import React, { useMemo } from 'react';
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import requirementIndex from '@openstage-data/requirements.json';
import traceabilityData from '@openstage-data/traceability.json';
import { readTraceability, type ChapterCoverage } from '../data/traceability';
import { useChapterPaths } from './useChapterPaths';
import styles from './conformance.module.css';

const percent = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;

/**
 * The traceability coverage per chapter, from conformance/traceability.json: how many MUST
 * requirements some test checks (the suite's or the reference implementation's), how many the
 * conformance suite checks, how many cannot be tested, and how many nothing checks yet.
 */
export default function TraceabilityCoverage(): ReactNode {
  const traceability = useMemo(() => readTraceability(traceabilityData), []);
  const chapterPaths = useChapterPaths();
  // The traceability file names a chapter by its id or by its title; accept both.
  const chapterIds = new Map(
    requirementIndex.chapters.flatMap((c) => [
      [c.id, c.id],
      [c.title, c.id],
    ]),
  );
  const titles = new Map(requirementIndex.chapters.map((c) => [c.id, c.title]));
  const chapters = traceability.chapters;
  if (chapters.length === 0) {
    return (
      <p data-testid="coverage-missing">
        No traceability data yet: <code>conformance/traceability.json</code> did not exist when the
        site was built, so this page shows no coverage rather than a guess.
      </p>
    );
  }
  const total = chapters.reduce<ChapterCoverage>(
    (sum, c) => ({
      chapter: 'total',
      area: '',
      must: sum.must + c.must,
      covered: sum.covered + c.covered,
      coveredByConformance: sum.coveredByConformance + c.coveredByConformance,
      untestable: sum.untestable + c.untestable,
      uncovered: sum.uncovered + c.uncovered,
    }),
    {
      chapter: 'total',
      area: '',
      must: 0,
      covered: 0,
      coveredByConformance: 0,
      untestable: 0,
      uncovered: 0,
    },
  );
  const row = (c: ChapterCoverage, label: ReactNode) => (
    <tr key={c.chapter} data-chapter={c.chapter}>
      <th>{label}</th>
      <td>{c.area}</td>
      <td>{c.must}</td>
      <td>
        {c.covered} <small className={styles.muted}>({percent(c.covered, c.must)})</small>
      </td>
      <td>
        {c.coveredByConformance}{' '}
        <small className={styles.muted}>({percent(c.coveredByConformance, c.must)})</small>
      </td>
      <td>{c.untestable}</td>
      <td>{c.uncovered}</td>
    </tr>
  );
  return (
    <table className={styles.table} data-testid="coverage-table">
      <thead>
        <tr>
          <th>Chapter</th>
          <th>Area</th>
          <th>MUST</th>
          <th>Covered by a test</th>
          <th>By the conformance suite</th>
          <th>Untestable</th>
          <th>Uncovered</th>
        </tr>
      </thead>
      <tbody>
        {chapters.map((c) => {
          const id = chapterIds.get(c.chapter);
          const path = id === undefined ? undefined : chapterPaths.get(id);
          const title = (id === undefined ? undefined : titles.get(id)) ?? c.chapter;
          return row(c, path ? <Link to={path}>{title}</Link> : title);
        })}
        {row(total, 'All chapters')}
      </tbody>
    </table>
  );
}
