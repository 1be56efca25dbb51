import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  calendarTokenListSchema,
  calendarTokenSchema,
  type CreateCalendarToken,
  createdCalendarTokenSchema,
} from '../../core/meetings/calendar.schema';
import { apiPath, deleteJson, getJson, postJson } from './client';

/** The signed-in user's secret calendar feed URLs: list, make (the secret shown once), revoke. */

const KEY = ['calendar-tokens'] as const;

export function useCalendarTokens() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      getJson(apiPath('/account/calendar-tokens'), calendarTokenListSchema, signal),
  });
}

export function useCreateCalendarToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCalendarToken) =>
      postJson(apiPath('/account/calendar-tokens'), input, createdCalendarTokenSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeCalendarToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      deleteJson(
        apiPath(`/account/calendar-tokens/${encodeURIComponent(id)}`),
        calendarTokenSchema,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** The absolute URL a calendar application subscribes to: the path the API gave, on this origin. */
export function feedUrl(path: string, origin: string = window.location.origin): string {
  return new URL(path, origin).toString();
}
