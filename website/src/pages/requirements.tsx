import React, { useMemo } from 'react';
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import requirementIndex from '@openstage-data/requirements.json';
import type { Requirement } from '@openstage-data/requirements.json';
import traceability from '@openstage-data/traceability.json';
import { testsFor } from '../components/testsFor';
import { ChapterSelect } from '../components/ChapterSelect';
import { FilterSelect } from '../components/FilterSelect';
import { useChapterPaths } from '../components/useChapterPaths';
import { useQueryFilters } from '../components/useQueryFilters';
import styles from './requirements.module.css';

const LEVELS = ['MUST', 'SHOULD', 'MAY'] as const;

/** The index's filters, kept in the query string so that a filtered view can be linked to. */
type Filters = {
  chapter: string;
  level: string;
  q: string;
};

const EMPTY: Filters = { chapter: '', level: '', q: '' };

/** Renders `code spans` in a requirement's text; the rest stays plain text. */
function RequirementText({ text }: { text: string }): ReactNode {
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
        <code key={i}>{part.slice(1, -1)}</code>
      ) : (
        <React.Fragment key={i}>{part}</React.Fragment>
      ),
    );
}

function matches(requirement: Requirement, filters: Filters, words: string[]): boolean {
  if (filters.chapter && requirement.chapter !== filters.chapter) return false;
  if (filters.level && requirement.level !== filters.level) return false;
  if (words.length === 0) return true;
  const haystack =
    `${requirement.id} ${requirement.text} ${requirement.errorCode ?? ''} ${requirement.classes.join(' ')}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export default function RequirementsPage(): ReactNode {
  const [filters, update] = useQueryFilters(EMPTY);

  const chapterPaths = useChapterPaths();
  const chapterTitles = useMemo(
    () => new Map(requirementIndex.chapters.map((c) => [c.id, c.title])),
    [],
  );

  const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = requirementIndex.requirements.filter((r) => matches(r, filters, words));

  return (
    <Layout
      title="Requirement index"
      description="Every requirement of the Openstage specification, filterable by chapter, level and keyword."
    >
      <main className={`container margin-vert--lg ${styles.page}`}>
        <h1>Requirement index</h1>
        <p>
          All {requirementIndex.requirements.length} requirements of specification version{' '}
          {requirementIndex.specVersion}, read from <code>spec/requirements.json</code> when the
          site was built. Each ID links to the requirement in its chapter; the tests column links to
          the tests that check it and their results.
        </p>
        <form className={styles.filters} onSubmit={(e) => e.preventDefault()} role="search">
          <ChapterSelect value={filters.chapter} onChange={(chapter) => update({ chapter })} />
          <FilterSelect
            label="Level"
            name="level"
            value={filters.level}
            onChange={(level) => update({ level })}
          >
            <option value="">All levels</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </FilterSelect>
          <label>
            Keyword{' '}
            <input
              name="q"
              type="search"
              placeholder="e.g. shutdown hook"
              value={filters.q}
              onChange={(e) => update({ q: e.target.value })}
            />
          </label>
          <output className={styles.count} data-testid="requirement-count">
            {rows.length} of {requirementIndex.requirements.length}
          </output>
        </form>
        <table className={styles.table} data-testid="requirement-table">
          <thead>
            <tr>
              <th>ID</th>
              <th>Level</th>
              <th>Chapter</th>
              <th>Requirement</th>
              <th>Tests</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const chapterPath = chapterPaths.get(r.chapter);
              const tests = testsFor(traceability, r.id);
              return (
                <tr key={r.id} data-requirement={r.id}>
                  <td className={styles.id}>
                    {chapterPath ? <Link to={`${chapterPath}#${r.id}`}>{r.id}</Link> : r.id}
                  </td>
                  <td>{r.keyword}</td>
                  <td>{chapterTitles.get(r.chapter) ?? r.chapter}</td>
                  <td>
                    <RequirementText text={r.text} />
                    {r.errorCode && (
                      <>
                        {' '}
                        <Link to={`/spec/errors#${r.errorCode}`} className={styles.code}>
                          <code>{r.errorCode}</code>
                        </Link>
                      </>
                    )}
                  </td>
                  <td>
                    {tests.length > 0 ? (
                      <Link
                        to={`/conformance/results?requirement=${r.id}`}
                        title={tests.join('\n')}
                      >
                        {tests.length === 1 ? '1 test' : `${tests.length} tests`}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p>No requirement matches these filters.</p>}
      </main>
    </Layout>
  );
}
