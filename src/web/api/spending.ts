import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  burdenSharingSchema,
  nationSpendingSchema,
  spendingFigurePageSchema,
  spendingLeagueSchema,
  spendingProjectionSchema,
  spendingReleaseListSchema,
  spendingTargetListSchema,
  spendingTargetSchema,
} from '../../core/spending/spending.schema';
import { apiPath, getJson } from './client';

/**
 * Typed hooks over defence spending (docs/spending.md). The figures and targets are public reference
 * data that changes only on import, so they stay fresh for longer than the ledger.
 */

const SPENDING = 'spending';
const REFERENCE_STALE = 10 * 60_000;

export type LeagueSort = 'pct' | 'change' | 'gap' | 'nation';

export interface LeagueQuery {
  year?: number;
  target?: string;
  sort?: LeagueSort;
  order?: 'asc' | 'desc';
}

export function useSpendingLeague(query: LeagueQuery, enabled = true) {
  return useQuery({
    queryKey: [SPENDING, 'league', query],
    queryFn: ({ signal }) =>
      getJson(apiPath('/spending/league', { ...query }), spendingLeagueSchema, signal),
    placeholderData: keepPreviousData,
    staleTime: REFERENCE_STALE,
    enabled,
  });
}

export function useSpendingTargets(query: { nation?: string } = {}) {
  return useQuery({
    queryKey: [SPENDING, 'targets', query],
    queryFn: ({ signal }) =>
      getJson(apiPath('/spending/targets', { ...query }), spendingTargetListSchema, signal),
    staleTime: REFERENCE_STALE,
  });
}

export function useSpendingTarget(id: string) {
  return useQuery({
    queryKey: [SPENDING, 'target', id],
    queryFn: ({ signal }) =>
      getJson(apiPath(`/spending/targets/${encodeURIComponent(id)}`), spendingTargetSchema, signal),
    staleTime: REFERENCE_STALE,
  });
}

export function useNationSpending(code: string) {
  return useQuery({
    queryKey: [SPENDING, 'nation', code],
    queryFn: ({ signal }) =>
      getJson(
        apiPath(`/spending/nations/${encodeURIComponent(code)}`),
        nationSpendingSchema,
        signal,
      ),
    staleTime: REFERENCE_STALE,
  });
}

/** Every release's figure of the nation: the revision history, asked for only when shown. */
export function useSpendingHistory(code: string, enabled: boolean) {
  return useQuery({
    queryKey: [SPENDING, 'history', code],
    queryFn: ({ signal }) =>
      getJson(
        apiPath('/spending/figures', { nation: code, history: 'true', limit: 500 }),
        spendingFigurePageSchema,
        signal,
      ),
    staleTime: REFERENCE_STALE,
    enabled,
  });
}

/**
 * The scenario's assumptions as typed: text, sent as it is, so the server's range checks name the
 * field (`query.gdpGrowth`) rather than this page clamping a value silently.
 */
export interface ProjectionQuery {
  nation: string;
  target?: string;
  gdpGrowth?: string;
  spendingGrowth?: string;
  band?: string;
  to?: string;
}

export function useSpendingProjection(query: ProjectionQuery) {
  return useQuery({
    queryKey: [SPENDING, 'projection', query],
    queryFn: ({ signal }) =>
      getJson(apiPath('/spending/projection', { ...query }), spendingProjectionSchema, signal),
    enabled: query.nation !== '',
  });
}

/** Burden sharing reads the ledger through the viewer's releasability: keyed apart, never long-lived. */
export function useBurdenSharing(slug: string, year?: number) {
  return useQuery({
    queryKey: [SPENDING, 'burden-sharing', slug, year],
    queryFn: ({ signal }) =>
      getJson(
        apiPath(`/groups/${encodeURIComponent(slug)}/burden-sharing`, { year }),
        burdenSharingSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSpendingReleases() {
  return useQuery({
    queryKey: [SPENDING, 'releases'],
    queryFn: ({ signal }) =>
      getJson(apiPath('/spending/releases'), spendingReleaseListSchema, signal),
    staleTime: REFERENCE_STALE,
  });
}
