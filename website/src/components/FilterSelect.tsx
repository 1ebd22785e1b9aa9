import React from 'react';
import type { ReactNode } from 'react';

/**
 * A labelled `<select>` of a filter form, named `name` (also its query parameter). `children`
 * are the `<option>`s; an option with value '' stands for no filter.
 */
export function FilterSelect({
  label,
  name,
  value,
  onChange,
  children,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}): ReactNode {
  return (
    <label>
      {label}{' '}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}
