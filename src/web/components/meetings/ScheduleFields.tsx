import { NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type Meeting,
  meetingFormatSchema,
  meetingLevelSchema,
} from '../../../core/meetings/meeting.schema';
import { MarkingPicker, type MarkingValue } from '../MarkingPicker';
import { RadioChoice } from '../RadioChoice';
import { useNationNames, useNationOptions } from '../use-nation-names';
import { TimeZoneSelect } from './TimeZoneSelect';

type Format = (typeof meetingFormatSchema.options)[number];
type Level = (typeof meetingLevelSchema.options)[number];

/** What the convene and edit forms share: when, where, how, who meets, marking. Strings as typed. */
export interface ScheduleValue {
  date: string;
  startTime: string;
  durationMinutes: string;
  timeZone: string;
  format: Format;
  venue: string;
  venueCountry: string;
  virtualUrl: string;
  level: Level;
  note: string;
  marking: MarkingValue;
}

/** The form's starting point from a recorded meeting (to edit it, or to convene from it). */
export function scheduleFrom(meeting: Meeting): ScheduleValue {
  return {
    date: meeting.date,
    startTime: meeting.startTime ?? '15:00',
    durationMinutes: String(meeting.durationMinutes ?? 180),
    timeZone: meeting.timeZone,
    format: meeting.format ?? 'in_person',
    venue: meeting.venue ?? '',
    venueCountry: meeting.venueCountry?.code ?? '',
    virtualUrl: meeting.virtualUrl ?? '',
    level: meeting.level ?? 'ministers',
    note: meeting.note ?? '',
    marking: {
      classification: meeting.marking.classification,
      relTo: meeting.marking.relTo,
    },
  };
}

/** The fields the schedule names; an issue at any other path is listed above the form. */
export const SCHEDULE_FIELDS = [
  'date',
  'startTime',
  'durationMinutes',
  'timeZone',
  'format',
  'venue',
  'venueCountry',
  'virtualUrl',
  'level',
  'note',
  'marking',
] as const;

interface ScheduleFieldsProps {
  value: ScheduleValue;
  onChange: (value: ScheduleValue) => void;
  errors: Record<string, string>;
  group: string;
  originNation: string;
}

export function ScheduleFields({
  value,
  onChange,
  errors,
  group,
  originNation,
}: ScheduleFieldsProps) {
  const { t } = useTranslation();
  const { nations } = useNationNames();
  const nationOptions = useNationOptions();
  const set = <K extends keyof ScheduleValue>(key: K, next: ScheduleValue[K]) =>
    onChange({ ...value, [key]: next });
  const needsVenue = value.format !== 'virtual';
  const needsLink = value.format !== 'in_person';

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={t('meetingCycle.form.date')}
          description={t('meetingCycle.form.dateHint')}
          required
          value={value.date}
          onChange={(event) => set('date', event.currentTarget.value)}
          error={errors.date}
        />
        <TextInput
          type="time"
          label={t('meetingCycle.form.startTime')}
          required
          value={value.startTime}
          onChange={(event) => set('startTime', event.currentTarget.value)}
          error={errors.startTime}
        />
        <TextInput
          label={t('meetingCycle.form.duration')}
          inputMode="numeric"
          value={value.durationMinutes}
          onChange={(event) => set('durationMinutes', event.currentTarget.value)}
          error={errors.durationMinutes}
        />
      </SimpleGrid>
      <TimeZoneSelect
        label={t('meetingCycle.form.timeZone')}
        description={t('meetingCycle.form.timeZoneHint')}
        value={value.timeZone}
        onChange={(zone) => set('timeZone', zone)}
        error={errors.timeZone}
        nothingFound={t('meetingCycle.form.noZone')}
      />
      <RadioChoice
        label={t('meetingCycle.form.format')}
        required
        value={value.format}
        onChange={(format) => set('format', format)}
        error={errors.format}
        options={meetingFormatSchema.options.map((f) => ({
          value: f,
          label: t(`meeting.format.${f}`),
        }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('meetingCycle.form.venue')}
          required={needsVenue}
          value={value.venue}
          onChange={(event) => set('venue', event.currentTarget.value)}
          error={errors.venue}
        />
        <NativeSelect
          label={t('meetingCycle.form.venueCountry')}
          value={value.venueCountry}
          onChange={(event) => set('venueCountry', event.currentTarget.value)}
          error={errors.venueCountry}
          data={[
            { value: '', label: t('meetingCycle.form.noCountry') },
            ...nationOptions(
              nations.filter((n) => n.kind === 'state'),
              { withCode: false },
            ),
          ]}
        />
      </SimpleGrid>
      <TextInput
        type="url"
        label={t('meetingCycle.form.virtualUrl')}
        description={t('meetingCycle.form.virtualUrlHint')}
        required={needsLink}
        value={value.virtualUrl}
        onChange={(event) => set('virtualUrl', event.currentTarget.value)}
        error={errors.virtualUrl}
      />
      <NativeSelect
        label={t('meetingCycle.form.level')}
        required
        value={value.level}
        onChange={(event) => {
          const level = meetingLevelSchema.safeParse(event.currentTarget.value);
          if (level.success) set('level', level.data);
        }}
        error={errors.level}
        data={meetingLevelSchema.options.map((l) => ({
          value: l,
          label: t(`meetingCycle.level.${l}`),
        }))}
      />
      <Textarea
        label={t('meetingCycle.form.note')}
        autosize
        minRows={2}
        value={value.note}
        onChange={(event) => set('note', event.currentTarget.value)}
        error={errors.note}
      />
      <MarkingPicker
        value={value.marking}
        onChange={(marking) => set('marking', marking)}
        originNation={originNation}
        group={group}
        errors={{
          classification: errors['marking.classification'] ?? errors.marking,
          relTo: errors['marking.relTo'],
        }}
      />
    </Stack>
  );
}
