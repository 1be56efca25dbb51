import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  actionItemListSchema,
  type ActionItemListQuery,
  actionItemSchema,
  attendanceListSchema,
  attendanceSchema,
  type CreateActionItem,
  meetingActionItemsSchema,
  outcomeListSchema,
  outcomeSchema,
  type RecordAttendance,
  type RecordOutcome,
  type UpdateActionItem,
} from '../../core/meetings/meeting-record.schema';
import {
  type FinalizeMeetingText,
  type MeetingTextKind,
  meetingTextSchema,
  type WriteMeetingText,
} from '../../core/meetings/meeting-text.schema';
import { apiPath, getJson, patchJson, postJson, sendPut } from './client';
import { getJsonOrNull, MEETING_CYCLE, refreshMeetings } from './meetings';

/** Typed hooks over what a meeting records: attendance, outcomes, action items, minutes, summary. */

const meetingPath = (id: string, rest: string) => `/meetings/${encodeURIComponent(id)}${rest}`;

function useMeetingMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => refreshMeetings(client) });
}

/** Where the downloads of a meeting are served: links, so the browser saves or opens them itself. */
export const meetingDownloads = (id: string) => ({
  summaryHtml: apiPath(meetingPath(id, '/summary.html')),
  summaryPdf: apiPath(meetingPath(id, '/summary.pdf')),
  preReadHtml: apiPath(meetingPath(id, '/pre-read.html')),
  attendanceCsv: apiPath(meetingPath(id, '/attendance.csv')),
});

// Attendance

export function useAttendance(id: string) {
  return useQuery({
    queryKey: [MEETING_CYCLE, id, 'attendance'],
    queryFn: ({ signal }) =>
      getJson(apiPath(meetingPath(id, '/attendance')), attendanceListSchema, signal),
  });
}

export function useRecordAttendance(id: string) {
  return useMeetingMutation((input: RecordAttendance) =>
    postJson(apiPath(meetingPath(id, '/attendance')), input, attendanceSchema),
  );
}

// Outcomes

export function useOutcomes(id: string) {
  return useQuery({
    queryKey: [MEETING_CYCLE, id, 'outcomes'],
    queryFn: ({ signal }) =>
      getJson(apiPath(meetingPath(id, '/outcomes')), outcomeListSchema, signal),
  });
}

export function useRecordOutcome(id: string) {
  return useMeetingMutation((input: RecordOutcome) =>
    postJson(apiPath(meetingPath(id, '/outcomes')), input, outcomeSchema),
  );
}

// Action items

export function useMeetingActionItems(id: string) {
  return useQuery({
    queryKey: [MEETING_CYCLE, id, 'action-items'],
    queryFn: ({ signal }) =>
      getJson(apiPath(meetingPath(id, '/action-items')), meetingActionItemsSchema, signal),
  });
}

/**
 * The group's action items the viewer may read, across its meetings. Keyed under MEETING_CYCLE so
 * an update made here (or on a meeting page) refreshes this list too: a closed item leaves "open".
 */
export function useGroupActionItems(slug: string, query: ActionItemListQuery) {
  return useQuery({
    queryKey: [MEETING_CYCLE, 'group', slug, 'action-items', query],
    queryFn: ({ signal }) =>
      getJson(
        apiPath(`/groups/${encodeURIComponent(slug)}/action-items`, { ...query }),
        actionItemListSchema,
        signal,
      ),
  });
}

export function useCreateActionItem(id: string) {
  return useMeetingMutation((input: CreateActionItem) =>
    postJson(apiPath(meetingPath(id, '/action-items')), input, actionItemSchema),
  );
}

export function useUpdateActionItem() {
  return useMeetingMutation(({ id, ...input }: UpdateActionItem & { id: string }) =>
    patchJson(apiPath(`/action-items/${encodeURIComponent(id)}`), input, actionItemSchema),
  );
}

// Minutes and summary

/** The text, or null while there is none, or it is a draft the viewer may not read (404 alike). */
export function useMeetingText(id: string, kind: MeetingTextKind) {
  return useQuery({
    queryKey: [MEETING_CYCLE, id, 'text', kind],
    queryFn: ({ signal }) =>
      getJsonOrNull(apiPath(meetingPath(id, `/${kind}`)), meetingTextSchema, signal),
  });
}

export function useWriteMeetingText(id: string, kind: MeetingTextKind) {
  return useMeetingMutation((input: WriteMeetingText) =>
    sendPut(apiPath(meetingPath(id, `/${kind}`)), input, meetingTextSchema),
  );
}

/** Approving the minutes or publishing the summary: the text is final from then on. */
export function useFinalizeMeetingText(id: string, kind: MeetingTextKind) {
  const step = kind === 'minutes' ? '/minutes/approve' : '/summary/publish';
  return useMeetingMutation((input: FinalizeMeetingText) =>
    postJson(apiPath(meetingPath(id, step)), input, meetingTextSchema),
  );
}

const generatedSummarySchema = z.object({
  summary: meetingTextSchema,
  warnings: z.array(z.string()),
});

export function useGenerateSummary(id: string) {
  return useMeetingMutation((input: { version: number }) =>
    postJson(apiPath(meetingPath(id, '/summary/generate')), input, generatedSummarySchema),
  );
}
