import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
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
 * the visible rows fall in are asked for (after a short pause, so a fling through 100 000 rows does
 * not ask for every window it passes), and the ones already read stay cached.
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
  const [settled] = useDebouncedValue(wanted, 120);
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
