import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Pledge, PledgePage } from '../../../core/pledges/pledge.schema';
import { type PledgeFilters, pledgeWindowQuery } from '../../api/ledger';

/** Rows per request: few enough to arrive fast, enough to cover a screen and a half of scrolling. */
export const WINDOW_SIZE = 200;

export interface LedgerWindow {
  /** Rows matching the filters; null until the first answer arrives. */
  total: number | null;
  rowAt: (index: number) => Pledge | undefined;
  error: unknown;
}

/**
 * The part of the ledger on screen, fetched window by window as the table scrolls: only the windows
 * the visible rows fall in are asked for (at once after a jump; during a fling through 100 000 rows,
 * once it pauses, so it does not ask for every window it passes), and the ones already read stay
 * cached.
 */
export function useLedgerWindow(
  slug: string,
  filters: PledgeFilters,
  firstRow: number,
  lastRow: number,
): LedgerWindow {
  const filterKey = JSON.stringify(filters);
  const wanted = useMemo(() => {
    const first = Math.floor(Math.max(0, firstRow) / WINDOW_SIZE);
    const last = Math.floor(Math.max(0, lastRow) / WINDOW_SIZE);
    const windows: number[] = [];
    for (let w = first; w <= last; w += 1) windows.push(w);
    return windows.join(',');
  }, [firstRow, lastRow]);
  const settled = useSettled(wanted, 120);
  const windows = settled.split(',').map(Number);
  const client = useQueryClient();

  const results = useQueries({
    queries: windows.map((w) => ({
      ...pledgeWindowQuery(slug, filters, w * WINDOW_SIZE, WINDOW_SIZE),
      staleTime: 60_000,
    })),
  });

  // The total of the latest answer for these filters; kept while scrolling to unread windows.
  const totals = useRef<{ key: string; total: number | null }>({ key: filterKey, total: null });
  if (totals.current.key !== filterKey) totals.current = { key: filterKey, total: null };
  const answered = results.find((r) => r.data !== undefined);
  if (answered?.data) totals.current.total = answered.data.total;

  const byWindow = new Map<number, readonly Pledge[]>();
  results.forEach((r, i) => {
    const w = windows[i];
    if (r.data && w !== undefined) byWindow.set(w, r.data.items);
  });

  return {
    total: totals.current.total,
    rowAt: (index) => {
      const w = Math.floor(index / WINDOW_SIZE);
      // A window read before (scrolling back) shows at once, before the pause has passed.
      const items =
        byWindow.get(w) ??
        client.getQueryData<PledgePage>(
          pledgeWindowQuery(slug, filters, w * WINDOW_SIZE, WINDOW_SIZE).queryKey,
        )?.items;
      return items?.[index % WINDOW_SIZE];
    },
    error: results.find((r) => r.isError)?.error ?? null,
  };
}

/**
 * `value` at once when it changes after `wait` ms without change (a jump, the first move of a
 * scroll); while it keeps changing, once it has stayed put for `wait` ms.
 */
function useSettled(value: string, wait: number): string {
  const [settled, setSettled] = useState(value);
  const lastChange = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const now = performance.now();
    const quiet = now - lastChange.current > wait;
    lastChange.current = now;
    if (quiet) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), wait);
    return () => clearTimeout(timer);
  }, [value, wait]);
  return settled;
}
