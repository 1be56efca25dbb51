import { useCallback, useRef } from 'react';
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
