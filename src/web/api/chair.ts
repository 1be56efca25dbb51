import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AcceptHandover,
  type ProposeHandover,
  type WithdrawHandover,
  handoverListSchema,
  handoverSchema,
} from '../../core/chair/chair-handover.schema';
import { apiPath, getJson, postJson } from './client';
import { SESSION_KEY } from './session';

/** Typed hooks over the chair handover: the history, and propose / accept / withdraw. */

export const handoversKey = (slug: string) => ['chair-handovers', slug] as const;

export function useHandovers(slug: string) {
  return useQuery({
    queryKey: handoversKey(slug),
    queryFn: ({ signal }) =>
      getJson(
        apiPath(`/groups/${encodeURIComponent(slug)}/chair/handovers`),
        handoverListSchema,
        signal,
      ),
  });
}

/**
 * A handover changes the terms once it takes effect, and with them who holds the secretariat right:
 * refresh the history, the terms and the session's `secretariatOf`.
 */
async function refreshChair(client: QueryClient, slug: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: handoversKey(slug) }),
    client.invalidateQueries({ queryKey: ['chair', slug] }),
    client.invalidateQueries({ queryKey: SESSION_KEY }),
  ]);
}

export function useProposeHandover(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProposeHandover) =>
      postJson(
        apiPath(`/groups/${encodeURIComponent(slug)}/chair/handovers`),
        input,
        handoverSchema,
      ),
    onSuccess: () => refreshChair(client, slug),
  });
}

export function useAcceptHandover(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptHandover) =>
      postJson(apiPath(`/chair-handovers/${encodeURIComponent(id)}/accept`), input, handoverSchema),
    onSuccess: () => refreshChair(client, slug),
  });
}

export function useWithdrawHandover(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WithdrawHandover) =>
      postJson(
        apiPath(`/chair-handovers/${encodeURIComponent(id)}/withdraw`),
        input,
        handoverSchema,
      ),
    onSuccess: () => refreshChair(client, slug),
  });
}
