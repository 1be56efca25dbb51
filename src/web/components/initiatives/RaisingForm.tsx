import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '../../../core/initiatives/initiative.schema';
import { useAddRaising } from '../../api/initiatives';
import { useEvents, useMeetings } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { FormActions, SectionForm } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
import { RadioChoice } from '../RadioChoice';
import { useLocale } from '../use-locale';

const FIELDS = ['meetingId', 'eventId', 'raisedOn', 'note'] as const;

type Where = 'meeting' | 'event';

/** Records a meeting of the group, or an event, at which the initiative was raised. */
export function RaisingForm({
  initiative,
  onDone,
  onRecorded,
}: {
  initiative: Initiative;
  /** Closes the form, recorded or not. */
  onDone: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useRef<HTMLFormElement>(null);
  const [where, setWhere] = useState<Where>('meeting');
  const meetings = useMeetings(initiative.group, { sort: '-date', limit: 100 });
  const events = useEvents({ limit: 500 });
  const add = useAddRaising(initiative.id);
  const [meetingId, setMeetingId] = useState('');
  const [eventId, setEventId] = useState('');
  const [raisedOn, setRaisedOn] = useState('');
  const [note, setNote] = useState('');

  const { errors, problems } = useFormErrors(add.error, FIELDS, { form });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        // Only the place chosen is sent; nothing chosen is left for the server to name at the field.
        meetingId: where === 'meeting' && meetingId !== '' ? meetingId : undefined,
        eventId: where === 'event' && eventId !== '' ? eventId : undefined,
        // Empty: the server takes the meeting's date or the event's first day.
        raisedOn: raisedOn === '' ? undefined : raisedOn,
        note: note.trim() === '' ? undefined : note,
      },
      {
        onSuccess: () => {
          onRecorded();
          onDone();
        },
      },
    );
  };

  return (
    <SectionForm title={t('initiatives.raising.title')} formRef={form} onSubmit={submit}>
      <FormProblems problems={problems} />
      <RadioChoice
        label={t('initiatives.raising.where')}
        required
        value={where}
        onChange={setWhere}
        options={[
          { value: 'meeting', label: t('initiatives.raising.atMeeting') },
          { value: 'event', label: t('initiatives.raising.atEvent') },
        ]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {where === 'meeting' ? (
          <NativeSelect
            label={t('initiatives.raising.meeting')}
            required
            value={meetingId}
            onChange={(event) => setMeetingId(event.currentTarget.value)}
            error={errors.meetingId}
            data={[
              { value: '', label: t('initiatives.raising.chooseMeeting') },
              ...(meetings.data?.items ?? [])
                .filter((m) => m.status !== 'cancelled')
                .map((m) => ({
                  value: m.id,
                  label: `${m.code} · ${formatDate(m.date, locale, 'medium')}`,
                })),
            ]}
          />
        ) : (
          <NativeSelect
            label={t('initiatives.raising.event')}
            required
            value={eventId}
            onChange={(event) => setEventId(event.currentTarget.value)}
            // The server names a missing place at meetingId whichever was meant.
            error={errors.eventId ?? errors.meetingId}
            data={[
              { value: '', label: t('initiatives.raising.chooseEvent') },
              // Latest first, as the meetings are: the server lists events oldest first.
              ...[...(events.data?.items ?? [])].reverse().map((e) => ({
                value: e.id,
                label: `${e.name} · ${formatDate(e.startsOn, locale, 'medium')}`,
              })),
            ]}
          />
        )}
        <TextInput
          type="date"
          label={t('initiatives.raising.raisedOn')}
          description={t('initiatives.raising.raisedOnHint')}
          value={raisedOn}
          onChange={(event) => setRaisedOn(event.currentTarget.value)}
          error={errors.raisedOn}
        />
      </SimpleGrid>
      <TextInput
        label={t('initiatives.raising.note')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={errors.note}
      />
      <FormActions
        submitLabel={t('initiatives.raising.submit')}
        pending={add.isPending}
        onCancel={onDone}
      />
    </SectionForm>
  );
}
