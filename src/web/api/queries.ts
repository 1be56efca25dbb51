import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { chairSchema } from '../../core/chair/chair-term.schema';
import { eventPageSchema, eventSchema } from '../../core/events/event.schema';
import { groupListSchema, groupSchema, memberListSchema } from '../../core/groups/group.schema';
import { meetingPageSchema, meetingSchema } from '../../core/meetings/meeting.schema';
import type { MeetingStatus } from '../../core/meetings/meeting.schema';
import { nationDetailSchema, nationPageSchema } from '../../core/nations/nation.schema';
import { apiPath, getJson } from './client';

/** Typed hooks over the API: one per resource, each response parsed by its contract schema. */

export const DEFAULT_GROUP = 'udcg';

export function useGroups() {
  return useQuery({
    queryKey: ['groups'],
    queryFn: ({ signal }) => getJson(apiPath('/groups'), groupListSchema, signal),
  });
}

export function useGroup(slug: string) {
  return useQuery({
    queryKey: ['group', slug],
    queryFn: ({ signal }) =>
      getJson(apiPath(`/groups/${encodeURIComponent(slug)}`), groupSchema, signal),
  });
}

export interface MemberQuery {
  role?: 'member' | 'observer' | 'recipient';
  on?: string;
}

export function useMembers(slug: string, query: MemberQuery = {}) {
  return useQuery({
    queryKey: ['members', slug, query],
    queryFn: ({ signal }) =>
      getJson(
        apiPath(`/groups/${encodeURIComponent(slug)}/members`, { ...query }),
        memberListSchema,
        signal,
      ),
  });
}

export function useChair(slug: string) {
  return useQuery({
    queryKey: ['chair', slug],
    queryFn: ({ signal }) =>
      getJson(apiPath(`/groups/${encodeURIComponent(slug)}/chair`), chairSchema, signal),
  });
}

export type MeetingSort = 'date' | '-date' | 'number' | '-number';

export interface MeetingQuery {
  status?: readonly MeetingStatus[];
  from?: string;
  to?: string;
  number?: number;
  sort?: MeetingSort;
  limit?: number;
  offset?: number;
}

export function useMeetings(slug: string, query: MeetingQuery, enabled = true) {
  return useQuery({
    queryKey: ['meetings', slug, query],
    queryFn: ({ signal }) =>
      getJson(
        apiPath(`/groups/${encodeURIComponent(slug)}/meetings`, { ...query }),
        meetingPageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeeting(slug: string, number: number) {
  return useQuery({
    queryKey: ['meeting', slug, number],
    queryFn: ({ signal }) =>
      getJson(
        apiPath(`/groups/${encodeURIComponent(slug)}/meetings/${number}`),
        meetingSchema,
        signal,
      ),
    enabled: Number.isInteger(number) && number > 0,
  });
}

export interface NationQuery {
  q?: string;
  kind?: 'state' | 'organisation';
  group?: string;
  limit?: number;
  offset?: number;
}

export function useNations(query: NationQuery) {
  return useQuery({
    queryKey: ['nations', query],
    queryFn: ({ signal }) => getJson(apiPath('/nations', { ...query }), nationPageSchema, signal),
    placeholderData: keepPreviousData,
  });
}

export function useNation(code: string) {
  return useQuery({
    queryKey: ['nation', code],
    queryFn: ({ signal }) =>
      getJson(apiPath(`/nations/${encodeURIComponent(code)}`), nationDetailSchema, signal),
  });
}

export interface EventQuery {
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export function useEvents(query: EventQuery) {
  return useQuery({
    queryKey: ['events', query],
    queryFn: ({ signal }) => getJson(apiPath('/events', { ...query }), eventPageSchema, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: ['event', id],
    queryFn: ({ signal }) =>
      getJson(apiPath(`/events/${encodeURIComponent(id)}`), eventSchema, signal),
  });
}
