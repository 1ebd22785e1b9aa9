import { useEffect, useState } from 'react';

/**
 * A page's filters, kept in the query string so that a filtered view can be linked to. Every
 * filter is a string; an empty one is left out of the URL. The URL is read after the first
 * render, so the server-rendered page and the first client render agree.
 *
 * @param empty - every filter with its empty value; its keys are the query parameters read.
 * @returns the current filters and a function that changes some of them.
 */
export function useQueryFilters<F extends Record<string, string>>(
  empty: F,
): [F, (patch: Partial<F>) => void] {
  const [filters, setFilters] = useState<F>(empty);
  useEffect(() => setFilters(readFilters(empty)), []);
  const update = (patch: Partial<F>): void => {
    const next = { ...filters, ...patch };
    setFilters(next);
    writeFilters(next);
  };
  return [filters, update];
}

function readFilters<F extends Record<string, string>>(empty: F): F {
  const params = new URLSearchParams(window.location.search);
  const read: Record<string, string> = {};
  for (const key of Object.keys(empty)) read[key] = params.get(key) ?? '';
  return read as F;
}

function writeFilters(filters: Record<string, string>): void {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}
