import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  areaCoverageListSchema,
  channelTotalsListSchema,
  coalitionCoverageListSchema,
  donorTotalsListSchema,
  ledgerSearchResultSchema,
  requirementCoveragePageSchema,
  timelineSchema,
} from '../../core/coverage/coverage.schema';
import type { RequirementStatus } from '../../core/requirements/requirement.schema';
import { type QueryValue, apiPath, getJson } from './client';
import { LEDGER, group } from './ledger';

/** The ledger's figures: coverage, gaps, donors, channels, timeline, search. Keyed under the ledger. */

export interface RequirementCoverageQuery {
  area?: string;
  coalitionId?: string;
  status?: RequirementStatus;
  overdue?: 'true' | 'false';
  sort?: 'priority' | 'gap' | 'neededBy';
  limit?: number;
  offset?: number;
}

export function useRequirementCoverage(slug: string, query: RequirementCoverageQuery) {
  return useQuery({
    queryKey: [LEDGER, 'coverage', slug, 'requirements', query],
    queryFn: ({ signal }) =>
      getJson(
        apiPath(group(slug, 'coverage/requirements'), { ...query }),
        requirementCoveragePageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** A GET of one of the group's ledger figures, keyed under the ledger so writes refresh it. */
function useLedgerFigure<T>(
  slug: string,
  path: string,
  parse: (path: string, signal: AbortSignal) => Promise<T>,
  query: Record<string, QueryValue> = {},
  enabled = true,
) {
  return useQuery({
    queryKey: [LEDGER, 'figure', slug, path, query],
    queryFn: ({ signal }) => parse(apiPath(group(slug, path), query), signal),
    enabled,
  });
}

export const useAreaCoverage = (slug: string) =>
  useLedgerFigure(slug, 'coverage/areas', (p, s) => getJson(p, areaCoverageListSchema, s));

export const useCoalitionCoverage = (slug: string) =>
  useLedgerFigure(slug, 'coverage/coalitions', (p, s) =>
    getJson(p, coalitionCoverageListSchema, s),
  );

export const useDonorTotals = (slug: string) =>
  useLedgerFigure(slug, 'donors', (p, s) => getJson(p, donorTotalsListSchema, s));

export const useChannelTotals = (slug: string) =>
  useLedgerFigure(slug, 'channels', (p, s) => getJson(p, channelTotalsListSchema, s));

export const useTimeline = (slug: string) =>
  useLedgerFigure(slug, 'timeline', (p, s) => getJson(p, timelineSchema, s));

export const useLedgerSearch = (slug: string, q: string) =>
  useLedgerFigure(
    slug,
    'ledger/search',
    (p, s) => getJson(p, ledgerSearchResultSchema, s),
    { q },
    q.trim().length >= 2,
  );
