import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type CreateInitiative,
  type InitiativeKind,
  type RaisingInput,
  type RecordPosition,
  type UpdateInitiative,
  initiativePageSchema,
  initiativeSchema,
} from '../../core/initiatives/initiative.schema';
import { apiPath, getJson, patchJson, postJson } from './client';

/** Typed hooks over initiatives and the parties' positions; every key starts with 'initiatives'. */

const INITIATIVES = 'initiatives';

export interface InitiativeQuery {
  kind?: InitiativeKind;
  proposer?: string;
  party?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export function useInitiatives(slug: string, query: InitiativeQuery, enabled = true) {
  return useQuery({
    queryKey: [INITIATIVES, 'list', slug, query],
    queryFn: ({ signal }) =>
      getJson(
        apiPath(`/groups/${encodeURIComponent(slug)}/initiatives`, { ...query }),
        initiativePageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const initiativeKey = (id: string) => [INITIATIVES, 'one', id] as const;

export function useInitiative(id: string, enabled = true) {
  return useQuery({
    queryKey: initiativeKey(id),
    queryFn: ({ signal }) =>
      getJson(apiPath(`/initiatives/${encodeURIComponent(id)}`), initiativeSchema, signal),
    enabled,
  });
}

export function useCreateInitiative(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInitiative) =>
      postJson(apiPath(`/groups/${encodeURIComponent(slug)}/initiatives`), input, initiativeSchema),
    onSuccess: async (initiative) => {
      client.setQueryData(initiativeKey(initiative.id), initiative);
      await client.invalidateQueries({ queryKey: [INITIATIVES, 'list'] });
    },
  });
}

/** Records a position; the answer is the whole initiative, every timeline included. */
export function useRecordPosition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordPosition) =>
      postJson(
        apiPath(`/initiatives/${encodeURIComponent(id)}/positions`),
        input,
        initiativeSchema,
      ),
    onSuccess: async (initiative) => {
      client.setQueryData(initiativeKey(id), initiative);
      // The list shows each party's current stance.
      await client.invalidateQueries({ queryKey: [INITIATIVES, 'list'] });
    },
  });
}

/** What an edit answers: the initiative as saved, and warnings such as a narrowed marking. */
export const initiativeWriteSchema = z.object({
  initiative: initiativeSchema,
  warnings: z.array(z.string()),
});
export type InitiativeWrite = z.infer<typeof initiativeWriteSchema>;

/** Edits an initiative at the version it was read; a stale version is refused with 409. */
export function useUpdateInitiative(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateInitiative) =>
      patchJson(apiPath(`/initiatives/${encodeURIComponent(id)}`), input, initiativeWriteSchema),
    onSuccess: async ({ initiative }) => {
      client.setQueryData(initiativeKey(initiative.id), initiative);
      await client.invalidateQueries({ queryKey: [INITIATIVES, 'list'] });
    },
  });
}

/** Records a meeting or event where the initiative was raised; the answer is the whole initiative. */
export function useAddRaising(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RaisingInput) =>
      postJson(apiPath(`/initiatives/${encodeURIComponent(id)}/raisings`), input, initiativeSchema),
    onSuccess: (initiative) => {
      // The list shows no raisings, so only the initiative itself changes.
      client.setQueryData(initiativeKey(id), initiative);
    },
  });
}
