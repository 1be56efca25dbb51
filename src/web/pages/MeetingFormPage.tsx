import { NativeSelect, Text, Textarea } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { SessionInfo } from '../../core/accounts/account.schema';
import {
  type EventLinkInput,
  type Meeting,
  type MeetingWriteResult,
  meetingSchema,
} from '../../core/meetings/meeting.schema';
import { useConveneMeeting, useUpdateMeeting } from '../api/meetings';
import { DEFAULT_GROUP, useMeeting, useMeetings } from '../api/queries';
import { FormActions, FormPage } from '../components/FormCard';
import { NotFound } from '../components/NotFound';
import { QueryState } from '../components/QueryState';
import { Forbidden, RequireSession } from '../components/RequireSession';
import { ConflictAlert, FormProblems, useFormErrors } from '../components/ledger/FormErrors';
import { isChairSecretariat } from '../components/meetings/access';
import { EventLinksField } from '../components/meetings/EventLinksField';
import {
  SCHEDULE_FIELDS,
  ScheduleFields,
  type ScheduleValue,
  scheduleFrom,
} from '../components/meetings/ScheduleFields';
import { useLocale } from '../components/use-locale';
import { formatDate, todayIso } from '../i18n/format';

/** What the meeting page says after a write: what was done, and the server's warnings. */
export interface MeetingLocationState {
  saved: 'convened' | 'updated';
  warnings: string[];
}

/** `/meetings/new`: the chair secretariat convenes the group's next meeting. */
export function NewMeetingPage() {
  return (
    <RequireSession>
      {(session) =>
        isChairSecretariat(session, DEFAULT_GROUP) ? (
          <ConveneForm session={session} />
        ) : (
          <Forbidden />
        )
      }
    </RequireSession>
  );
}

/** `/meetings/:number/edit`: edit or reschedule a planned meeting, with the reason for a move. */
export function EditMeetingPage() {
  const { t } = useTranslation();
  const { number: raw = '' } = useParams();
  const meeting = useMeeting(DEFAULT_GROUP, /^\d+$/.test(raw) ? Number(raw) : Number.NaN);
  // Bumped when the user loads a newer version after a conflict: the form starts afresh from it. The
  // state lives beside the record's query on purpose: the re-render it causes reads the query cache
  // (just updated with the newer version) at once, whereas a wrapper component holding it would
  // remount the form from its stale props before TanStack Query notifies the parent.
  const [generation, setGeneration] = useState(0);
  return (
    <RequireSession>
      {(session) => (
        <QueryState
          query={meeting}
          notFound={
            <NotFound
              title={t('meeting.notFoundTitle')}
              message={t('meeting.notFound', { number: raw })}
              back={{ to: '/meetings', label: t('meeting.backToList') }}
            />
          }
        >
          {(m) =>
            isChairSecretariat(session, m.group.slug) ? (
              <EditForm
                key={`${m.id}-${generation}`}
                meeting={m}
                session={session}
                onReloaded={() => setGeneration((n) => n + 1)}
              />
            ) : (
              <Forbidden />
            )
          }
        </QueryState>
      )}
    </RequireSession>
  );
}

const blank = (text: string) => text.trim() === '';
const duration = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

function ConveneForm({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const convene = useConveneMeeting(DEFAULT_GROUP);
  const previous = useMeetings(DEFAULT_GROUP, {
    status: ['held', 'planned'],
    sort: '-date',
    limit: 40,
  });
  const [fromMeetingId, setFromMeetingId] = useState('');
  const [events, setEvents] = useState<EventLinkInput[]>([]);
  const [schedule, setSchedule] = useState<ScheduleValue>({
    date: '',
    startTime: '15:00',
    durationMinutes: '180',
    timeZone: 'Europe/Brussels',
    format: 'in_person',
    venue: '',
    venueCountry: '',
    virtualUrl: '',
    level: 'ministers',
    note: '',
    marking: { classification: 'PUBLIC', relTo: [] },
  });
  const { errors, problems } = useFormErrors(
    convene.error,
    [...SCHEDULE_FIELDS, 'events', 'fromMeetingId'],
    { form },
  );
  const eventErrors = Object.entries(errors)
    .filter(([key]) => key === 'events' || key.startsWith('events.'))
    .map(([key, message]) => `${key}: ${message}`);

  // A template brings the previous meeting's place, format, level and marking; its date does not.
  const startFrom = (id: string) => {
    setFromMeetingId(id);
    const template = previous.data?.items.find((m) => m.id === id);
    if (template) setSchedule((current) => ({ ...scheduleFrom(template), date: current.date }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    convene.mutate(
      {
        date: schedule.date,
        startTime: schedule.startTime,
        durationMinutes: duration(schedule.durationMinutes),
        timeZone: schedule.timeZone,
        format: schedule.format,
        // A field the format does not use is left out: the API would otherwise check it.
        venue: schedule.format === 'virtual' || blank(schedule.venue) ? undefined : schedule.venue,
        venueCountry: schedule.venueCountry || undefined,
        virtualUrl:
          schedule.format === 'in_person' || blank(schedule.virtualUrl)
            ? undefined
            : schedule.virtualUrl.trim(),
        level: schedule.level,
        events,
        observers: [],
        fromMeetingId: fromMeetingId || undefined,
        note: blank(schedule.note) ? undefined : schedule.note,
        marking: schedule.marking,
      },
      { onSuccess: (result) => done(navigate, result, 'convened') },
    );
  };

  return (
    <FormPage title={t('meetingCycle.convene.title')} formRef={form} onSubmit={submit}>
      <FormProblems problems={problems} />
      <NativeSelect
        label={t('meetingCycle.convene.template')}
        description={t('meetingCycle.convene.templateHint')}
        value={fromMeetingId}
        onChange={(event) => startFrom(event.currentTarget.value)}
        error={errors.fromMeetingId}
        data={[
          { value: '', label: t('meetingCycle.convene.noTemplate') },
          ...(previous.data?.items ?? []).map((m) => ({
            value: m.id,
            label: `${m.code} — ${formatDate(m.date, locale, 'medium')}`,
          })),
        ]}
      />
      <ScheduleFields
        value={schedule}
        onChange={setSchedule}
        errors={errors}
        group={DEFAULT_GROUP}
        originNation={session.user.nation.code}
      />
      <EventLinksField value={events} onChange={setEvents} errors={eventErrors} />
      <FormActions submitLabel={t('meetingCycle.convene.submit')} pending={convene.isPending}>
        <Text size="sm" c="dimmed">
          {t('meetingCycle.convene.today', { date: formatDate(todayIso(), locale, 'full') })}
        </Text>
      </FormActions>
    </FormPage>
  );
}

/** The fields whose change moves the meeting: the API then wants a reason. */
const MOVES: readonly (keyof ScheduleValue)[] = [
  'date',
  'startTime',
  'timeZone',
  'format',
  'venue',
  'venueCountry',
  'virtualUrl',
];

function EditForm({
  meeting,
  session,
  onReloaded,
}: {
  meeting: Meeting;
  session: SessionInfo;
  onReloaded: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const update = useUpdateMeeting(meeting.id);
  const original = scheduleFrom(meeting);
  const [schedule, setSchedule] = useState<ScheduleValue>(original);
  const [reason, setReason] = useState('');
  const { errors, problems } = useFormErrors(update.error, [...SCHEDULE_FIELDS, 'reason'], {
    form,
  });
  const moved = MOVES.some((key) => schedule[key] !== original[key]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = <K extends keyof ScheduleValue>(key: K) => schedule[key] !== original[key];
    const text = (key: 'venue' | 'virtualUrl' | 'note') =>
      blank(schedule[key]) ? null : schedule[key].trim();
    update.mutate(
      {
        version: meeting.version,
        // Only what changed is sent, so an untouched field never counts as a move.
        date: changed('date') ? schedule.date : undefined,
        startTime: changed('startTime') ? schedule.startTime : undefined,
        durationMinutes: changed('durationMinutes')
          ? duration(schedule.durationMinutes)
          : undefined,
        timeZone: changed('timeZone') ? schedule.timeZone : undefined,
        format: changed('format') ? schedule.format : undefined,
        venue: changed('venue') ? text('venue') : undefined,
        venueCountry: changed('venueCountry') ? schedule.venueCountry || null : undefined,
        virtualUrl: changed('virtualUrl') ? text('virtualUrl') : undefined,
        level: changed('level') ? schedule.level : undefined,
        note: changed('note') ? text('note') : undefined,
        marking:
          schedule.marking.classification !== original.marking.classification ||
          schedule.marking.relTo.join() !== original.marking.relTo.join()
            ? schedule.marking
            : undefined,
        reason: blank(reason) ? undefined : reason,
      },
      { onSuccess: (result) => done(navigate, result, 'updated') },
    );
  };

  return (
    <FormPage
      title={t('meetingCycle.edit.title', { code: meeting.code })}
      formRef={form}
      onSubmit={submit}
    >
      <ConflictAlert
        error={update.error}
        schema={meetingSchema}
        onReload={() => {
          update.reset();
          onReloaded();
        }}
      />
      <FormProblems problems={problems} />
      <ScheduleFields
        value={schedule}
        onChange={setSchedule}
        errors={errors}
        group={meeting.group.slug}
        originNation={session.user.nation.code}
      />
      <Textarea
        label={t('meetingCycle.edit.reason')}
        description={t('meetingCycle.edit.reasonHint')}
        required={moved}
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
      />
      <FormActions
        submitLabel={t('common.save')}
        pending={update.isPending}
        onCancel={() => void navigate(`/meetings/${meeting.number ?? ''}`)}
      />
    </FormPage>
  );
}

function done(
  navigate: ReturnType<typeof useNavigate>,
  result: MeetingWriteResult,
  saved: MeetingLocationState['saved'],
) {
  void navigate(`/meetings/${result.meeting.number ?? ''}`, {
    state: { saved, warnings: result.warnings } satisfies MeetingLocationState,
  });
}
