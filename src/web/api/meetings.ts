import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  agendaHistorySchema,
  agendaSchema,
  type createAgendaItemSchema,
  type ReorderAgenda,
  type updateAgendaItemSchema,
} from '../../core/meetings/agenda.schema';
import {
  invitationListSchema,
  invitationSchema,
  type InviteNations,
  type Rsvp,
} from '../../core/meetings/invitation.schema';
import {
  type CancelMeeting,
  type conveneMeetingSchema,
  type MeetingVersion,
  meetingWriteResultSchema,
  type updateMeetingSchema,
} from '../../core/meetings/meeting.schema';
import { ApiError, apiPath, deleteJson, getJson, patchJson, postJson, sendPut } from './client';

/**
 * Typed hooks over the meeting cycle: convening and scheduling, invitations and the agenda (the record
 * taken while a meeting runs is in meetings-record.ts). Every key starts with MEETING_CYCLE or is one
 * of the meeting keys of queries.ts, so one refresh after a write updates every panel it moves.
 */

export const MEETING_CYCLE = 'meeting-cycle';
const meetingPath = (id: string, rest = '') => `/meetings/${encodeURIComponent(id)}${rest}`;

/** A write can move the meeting (version, phase), its lists, and the calendar: refresh them all. */
export async function refreshMeetings(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: [MEETING_CYCLE] }),
    client.invalidateQueries({ queryKey: ['meeting'] }),
    client.invalidateQueries({ queryKey: ['meetings'] }),
  ]);
}

/** A GET whose 404 means "nothing to show yet" (a draft only the secretariat may read, no text). */
export async function getJsonOrNull<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S> | null> {
  try {
    return await getJson(path, schema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Every mutation of the cycle refreshes the meeting's panels once it has settled, failed or not. */
function useMeetingMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => refreshMeetings(client) });
}

// Convening and scheduling

export function useConveneMeeting(slug: string) {
  return useMeetingMutation((input: z.input<typeof conveneMeetingSchema>) =>
    postJson(
      apiPath(`/groups/${encodeURIComponent(slug)}/meetings`),
      input,
      meetingWriteResultSchema,
    ),
  );
}

export function useUpdateMeeting(id: string) {
  return useMeetingMutation((input: z.input<typeof updateMeetingSchema>) =>
    patchJson(apiPath(meetingPath(id)), input, meetingWriteResultSchema),
  );
}

export function useCancelMeeting(id: string) {
  return useMeetingMutation((input: CancelMeeting) =>
    postJson(apiPath(meetingPath(id, '/cancel')), input, meetingWriteResultSchema),
  );
}

/** Opening (status held) or closing (the record frozen): the same body, the version read. */
export function useMeetingPhase(id: string, step: 'open' | 'close') {
  return useMeetingMutation((input: MeetingVersion) =>
    postJson(apiPath(meetingPath(id, `/${step}`)), input, meetingWriteResultSchema),
  );
}

// Invitations

export function useInvitations(id: string) {
  return useQuery({
    queryKey: [MEETING_CYCLE, id, 'invitations'],
    queryFn: ({ signal }) =>
      getJson(apiPath(meetingPath(id, '/invitations')), invitationListSchema, signal),
  });
}

export function useInviteNations(id: string) {
  return useMeetingMutation((input: InviteNations) =>
    postJson(apiPath(meetingPath(id, '/invitations')), input, invitationListSchema),
  );
}

export function useRsvp(id: string) {
  return useMeetingMutation(({ nation, ...input }: Rsvp & { nation: string }) =>
    sendPut(
      apiPath(meetingPath(id, `/invitations/${encodeURIComponent(nation)}`)),
      input,
      invitationSchema,
    ),
  );
}

// Agenda

export function useAgenda(id: string) {
  return useQuery({
    queryKey: [MEETING_CYCLE, id, 'agenda'],
    queryFn: ({ signal }) => getJson(apiPath(meetingPath(id, '/agenda')), agendaSchema, signal),
  });
}

export function useAgendaHistory(id: string) {
  return useQuery({
    queryKey: [MEETING_CYCLE, id, 'agenda-history'],
    queryFn: ({ signal }) =>
      getJson(apiPath(meetingPath(id, '/agenda/history')), agendaHistorySchema, signal),
  });
}

export function useAddAgendaItem(id: string) {
  return useMeetingMutation((input: z.input<typeof createAgendaItemSchema>) =>
    postJson(apiPath(meetingPath(id, '/agenda')), input, agendaSchema),
  );
}

/**
 * Changes an item's text, presenter, time box or links; the version read is sent, and a stale one
 * gets 409.
 */
export function useUpdateAgendaItem() {
  return useMeetingMutation(
    ({ id, ...input }: z.input<typeof updateAgendaItemSchema> & { id: string }) =>
      patchJson(apiPath(`/agenda-items/${encodeURIComponent(id)}`), input, agendaSchema),
  );
}

export function useReorderAgenda(id: string) {
  return useMeetingMutation((input: ReorderAgenda) =>
    sendPut(apiPath(meetingPath(id, '/agenda/order')), input, agendaSchema),
  );
}

export function useRemoveAgendaItem() {
  return useMeetingMutation(({ id, version }: { id: string; version: number }) =>
    deleteJson(apiPath(`/agenda-items/${encodeURIComponent(id)}`, { version }), agendaSchema),
  );
}
