import React from 'react';
import type { ReactNode } from 'react';
import requirementIndex from '@openstage-data/requirements.json';
import { FilterSelect } from './FilterSelect';

/** The chapter filter of the requirement pages: every spec chapter, or '' for all of them. */
export function ChapterSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (chapter: string) => void;
}): ReactNode {
  return (
    <FilterSelect label="Chapter" name="chapter" value={value} onChange={onChange}>
      <option value="">All chapters</option>
      {requirementIndex.chapters.map((c) => (
        <option key={c.id} value={c.id}>
          {c.title} ({c.area})
        </option>
      ))}
    </FilterSelect>
  );
}
