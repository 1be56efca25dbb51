import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  capabilityAreaListSchema,
  coalitionListSchema,
  coalitionSchema,
} from '../../core/capabilities/capability.schema';
import {
  type CreateDelivery,
  type CreatePledge,
  type PledgeDetail,
  type PledgeKind,
  type PledgeStatus,
  type ScheduleInput,
  type TransitionPledge,
  type UpdatePledge,
  pledgeDetailSchema,
  pledgePageSchema,
} from '../../core/pledges/pledge.schema';
import {
  type CreateRequirement,
  type MoveRequirement,
  type RequirementStatus,
  type UpdateRequirement,
  priorityHistorySchema,
  requirementPageSchema,
  requirementSchema,
} from '../../core/requirements/requirement.schema';
import { apiPath, getJson, patchJson, postJson, putJson } from './client';

/**
 * Typed hooks over the support ledger: requirements, pledges and deliveries (the figures are in
 * ledger-coverage.ts, imports in ledger-import.ts).
 * Every key starts with 'ledger', so one invalidation after a write refreshes every figure it moves.
 */

export const LEDGER = 'ledger';
export const group = (slug: string, rest: string) => `/groups/${encodeURIComponent(slug)}/${rest}`;
const one = (kind: 'requirements' | 'pledges' | 'deliveries', id: string, rest = '') =>
  `/${kind}/${encodeURIComponent(id)}${rest}`;

/** A write anywhere in the ledger can move a total, a gap or a list position: refresh them all. */
export const refreshLedger = (client: QueryClient) =>
  client.invalidateQueries({ queryKey: [LEDGER] });

// Capability areas and coalitions

export function useCapabilityAreas(slug: string, enabled = true) {
  return useQuery({
    queryKey: ['capability-areas', slug],
    queryFn: ({ signal }) =>
      getJson(apiPath(group(slug, 'capability-areas')), capabilityAreaListSchema, signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useCoalitions(slug: string) {
  return useQuery({
    queryKey: ['coalitions', slug],
    queryFn: ({ signal }) =>
      getJson(apiPath(group(slug, 'coalitions')), coalitionListSchema, signal),
    staleTime: 10 * 60_000,
  });
}

export function useCoalition(id: string) {
  return useQuery({
    queryKey: ['coalition', id],
    queryFn: ({ signal }) =>
      getJson(apiPath(`/coalitions/${encodeURIComponent(id)}`), coalitionSchema, signal),
  });
}

// Requirements

export interface RequirementFilters {
  area?: string;
  status?: RequirementStatus;
  q?: string;
}

export interface RequirementQuery extends RequirementFilters {
  limit?: number;
  offset?: number;
}

export const requirementsKey = (slug: string) => [LEDGER, 'requirements', slug] as const;

export function useRequirements(slug: string, query: RequirementQuery, enabled = true) {
  return useQuery({
    queryKey: [...requirementsKey(slug), query],
    queryFn: ({ signal }) =>
      getJson(apiPath(group(slug, 'requirements'), { ...query }), requirementPageSchema, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRequirement(id: string, enabled = true) {
  return useQuery({
    queryKey: [LEDGER, 'requirement', id],
    queryFn: ({ signal }) => getJson(apiPath(one('requirements', id)), requirementSchema, signal),
    enabled,
  });
}

export function usePriorityHistory(id: string) {
  return useQuery({
    queryKey: [LEDGER, 'requirement', id, 'priority-history'],
    queryFn: ({ signal }) =>
      getJson(apiPath(one('requirements', id, '/priority-history')), priorityHistorySchema, signal),
  });
}

export function useCreateRequirement(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRequirement) =>
      postJson(apiPath(group(slug, 'requirements')), input, requirementSchema),
    onSuccess: () => refreshLedger(client),
  });
}

export function useUpdateRequirement(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateRequirement) =>
      patchJson(apiPath(one('requirements', id)), input, requirementSchema),
    onSuccess: async (requirement) => {
      client.setQueryData([LEDGER, 'requirement', id], requirement);
      await refreshLedger(client);
    },
  });
}

/** Moves a requirement to a new rank; the server shifts the others and records the change. */
export function useMoveRequirement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: MoveRequirement & { id: string }) =>
      postJson(apiPath(one('requirements', id, '/priority')), input, requirementSchema),
    onSettled: () => refreshLedger(client),
  });
}

export const requirementExportHref = (
  slug: string,
  filters: RequirementFilters,
  format: 'csv' | 'xlsx',
) => apiPath(group(slug, `requirements/export.${format}`), { ...filters });

// Pledges

export type PledgeSort = 'announced' | 'value' | 'donor' | 'status' | 'created';

export interface PledgeFilters {
  donor?: string;
  channel?: string;
  area?: string;
  status?: PledgeStatus;
  kind?: PledgeKind;
  requirementId?: string;
  meetingId?: string;
  q?: string;
  sort?: PledgeSort;
  order?: 'asc' | 'desc';
}

const pledgesKey = (slug: string, filters: PledgeFilters) =>
  [LEDGER, 'pledges', slug, filters] as const;

/** The query of one window of the ledger: `limit` rows from `offset`, for the virtualised table. */
export const pledgeWindowQuery = (
  slug: string,
  filters: PledgeFilters,
  offset: number,
  limit: number,
) => ({
  queryKey: [...pledgesKey(slug, filters), offset, limit] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    getJson(
      apiPath(group(slug, 'pledges'), { ...filters, offset, limit }),
      pledgePageSchema,
      signal,
    ),
});

export function usePledges(slug: string, filters: PledgeFilters, limit = 50, enabled = true) {
  return useQuery({ ...pledgeWindowQuery(slug, filters, 0, limit), enabled });
}

const pledgeKey = (id: string) => [LEDGER, 'pledge', id] as const;

export function usePledge(id: string) {
  return useQuery({
    queryKey: pledgeKey(id),
    queryFn: ({ signal }) => getJson(apiPath(one('pledges', id)), pledgeDetailSchema, signal),
  });
}

export function useCreatePledge(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePledge) =>
      postJson(apiPath(group(slug, 'pledges')), input, pledgeDetailSchema),
    onSuccess: async (pledge) => {
      await refreshLedger(client);
      client.setQueryData(pledgeKey(pledge.id), pledge);
    },
  });
}

/** The writes on one pledge all answer with the pledge as it now is: keep it, refresh the rest. */
function usePledgeWrite<I>(send: (input: I) => Promise<PledgeDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (pledge) => {
      await refreshLedger(client);
      client.setQueryData(pledgeKey(pledge.id), pledge);
    },
  });
}

export const useUpdatePledge = (id: string) =>
  usePledgeWrite((input: UpdatePledge) =>
    patchJson(apiPath(one('pledges', id)), input, pledgeDetailSchema),
  );

export const useTransitionPledge = (id: string) =>
  usePledgeWrite((input: TransitionPledge) =>
    postJson(apiPath(one('pledges', id, '/status')), input, pledgeDetailSchema),
  );

export const useSetSchedule = (id: string) =>
  usePledgeWrite(async (input: ScheduleInput) => {
    // The schedule answers without a body: read the pledge again for its new slippage.
    await putJson(apiPath(one('pledges', id, '/schedule')), input);
    return getJson(apiPath(one('pledges', id)), pledgeDetailSchema);
  });

export const useRecordDelivery = (id: string) =>
  usePledgeWrite((input: CreateDelivery) =>
    postJson(apiPath(one('pledges', id, '/deliveries')), input, pledgeDetailSchema),
  );

export const useConfirmDelivery = () =>
  usePledgeWrite((deliveryId: string) =>
    postJson(apiPath(one('deliveries', deliveryId, '/confirm')), undefined, pledgeDetailSchema),
  );

export type PledgeExport = 'csv' | 'xlsx' | 'iati';

/** The export of the ledger with the filters on screen (IATI takes the same filters). */
export function pledgeExportHref(slug: string, filters: PledgeFilters, format: PledgeExport) {
  const file = format === 'iati' ? 'pledges/iati.xml' : `pledges/export.${format}`;
  return apiPath(group(slug, file), { ...filters });
}
