import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

type Edit = (params: URLSearchParams) => void;

/**
 * The URL search params plus an updater that edits the latest ones. React Router's own functional
 * update sees the params of the last render, so two quick edits (typing a "from" then a "to" date)
 * would lose the first while the navigation is still pending.
 */
export function useUrlParams(): [URLSearchParams, (edit: Edit, replace?: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const seen = useRef(params);
  const latest = useRef(params);
  if (seen.current !== params) {
    // A new location arrived: it includes every edit made so far.
    seen.current = params;
    latest.current = params;
  }
  const update = useCallback(
    (edit: Edit, replace = false) => {
      const next = new URLSearchParams(latest.current);
      edit(next);
      if (next.toString() === latest.current.toString()) return;
      latest.current = next;
      setParams(next, { replace });
    },
    [setParams],
  );
  return [params, update];
}

/** Sets a list filter (an empty value removes it); the list starts again from its first page. */
export function writeFilter(params: URLSearchParams, key: string, value: string): void {
  if (value) params.set(key, value);
  else params.delete(key);
  params.delete('page');
}

/**
 * A list's search box: the text lives in local state, and the address's `q` (and so the query)
 * follows once typing pauses, replacing the history entry rather than adding one per keystroke.
 */
export function useSearchBox(
  params: URLSearchParams,
  updateParams: (edit: Edit, replace?: boolean) => void,
  {
    wait = 300,
    trim = false,
    resetPage = true,
  }: { wait?: number; trim?: boolean; resetPage?: boolean } = {},
): [string, (text: string) => void] {
  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(trim ? text.trim() : text, wait);
  useEffect(() => {
    updateParams((next) => {
      if ((next.get('q') ?? '') === debounced) return;
      if (debounced) next.set('q', debounced);
      else next.delete('q');
      if (resetPage) next.delete('page');
    }, true);
  }, [debounced, updateParams, resetPage]);
  return [text, setText];
}
