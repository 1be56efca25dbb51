import { Button, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attendanceModeSchema } from '../../../core/meetings/meeting-record.schema';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import { useInvitations } from '../../api/meetings';
import { useAttendance, useRecordAttendance } from '../../api/meetings-record';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { FormActions, SectionForm } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
import { QueryState } from '../QueryState';
import { useLocale } from '../use-locale';
import { useNationNames } from '../use-nation-names';

type Mode = (typeof attendanceModeSchema.options)[number];

interface AttendanceSectionProps {
  meeting: Meeting;
  secretariat: boolean;
  delegation: string | null;
}

/**
 * Who was there, as checked in while the meeting is open: the secretariat records any invited nation,
 * a delegation checks itself in. A check-in is never edited, so the record proves attendance.
 */
export function AttendanceSection({ meeting, secretariat, delegation }: AttendanceSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const attendance = useAttendance(meeting.id);
  const invitations = useInvitations(meeting.id);
  return (
    <QueryState query={attendance}>
      {(list) => {
        const checkedIn = new Set(list.items.map((a) => a.nation.code));
        const invited = invitations.data?.items.map((i) => i.nation.code) ?? [];
        const pending = invited.filter((code) => !checkedIn.has(code));
        const open = meeting.phase === 'open';
        return (
          <Stack>
            <Text data-testid="attendance-counts">
              {t('meetingCycle.attendance.counts', {
                count: list.count,
                inPerson: list.inPerson,
                virtual: list.virtual,
              })}
            </Text>
            {open && secretariat && pending.length > 0 ? (
              <RecordForm meetingId={meeting.id} nations={pending} />
            ) : null}
            {open &&
            !secretariat &&
            delegation !== null &&
            invited.includes(delegation) &&
            !checkedIn.has(delegation) ? (
              <SelfCheckIn meetingId={meeting.id} nation={delegation} />
            ) : null}
            {list.items.length === 0 ? (
              <Text>{t('meetingCycle.attendance.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={820}>
                <Table striped verticalSpacing="xs" data-testid="attendance">
                  <caption className="visually-hidden">
                    {t('meetingCycle.attendance.caption')}
                  </caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('meetingCycle.invitations.nation')}</Table.Th>
                      <Table.Th scope="col">{t('meetingCycle.attendance.mode')}</Table.Th>
                      <Table.Th scope="col">{t('meetingCycle.invitations.head')}</Table.Th>
                      <Table.Th scope="col">{t('meetingCycle.attendance.checkedInAt')}</Table.Th>
                      <Table.Th scope="col">{t('meetingCycle.attendance.recordedBy')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.items.map((a) => (
                      <Table.Tr key={a.nation.code}>
                        <Table.Th scope="row" fw={500}>
                          {nameOf(a.nation.code)} ({a.nation.code})
                        </Table.Th>
                        <Table.Td>{t(`meetingCycle.attendance.modes.${a.mode}`)}</Table.Td>
                        <Table.Td>{a.headOfDelegation ?? '—'}</Table.Td>
                        <Table.Td>{formatDateTime(a.checkedInAt, locale)}</Table.Td>
                        <Table.Td>
                          {a.selfCheckIn
                            ? t('meetingCycle.attendance.self', { who: a.recordedBy })
                            : t('meetingCycle.attendance.by', {
                                who: a.recordedBy,
                                nation: a.recordedByNation,
                              })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

const FIELDS = ['nation', 'headOfDelegation', 'mode', 'level', 'note'] as const;

function RecordForm({ meetingId, nations }: { meetingId: string; nations: readonly string[] }) {
  const { t } = useTranslation();
  const { nameOf } = useNationNames();
  const record = useRecordAttendance(meetingId);
  const [nation, setNation] = useState('');
  const [head, setHead] = useState('');
  const [mode, setMode] = useState<Mode | ''>('');
  const chosen = nation && nations.includes(nation) ? nation : (nations[0] ?? '');
  const { errors, problems } = useFormErrors(record.error, FIELDS);
  const title = t('meetingCycle.attendance.recordTitle');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { nation: chosen, headOfDelegation: head.trim() || undefined, mode: mode || undefined },
      {
        onSuccess: () => {
          setNation('');
          setHead('');
          setMode('');
        },
      },
    );
  };

  return (
    <SectionForm title={title} onSubmit={submit}>
      <FormProblems problems={problems} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('meetingCycle.invitations.nation')}
          value={chosen}
          onChange={(event) => setNation(event.currentTarget.value)}
          error={errors.nation}
          data={nations.map((code) => ({ value: code, label: nameOf(code) }))}
        />
        <NativeSelect
          label={t('meetingCycle.attendance.mode')}
          value={mode}
          onChange={(event) => {
            const parsed = attendanceModeSchema.safeParse(event.currentTarget.value);
            setMode(parsed.success ? parsed.data : '');
          }}
          error={errors.mode}
          data={[
            { value: '', label: t('meetingCycle.attendance.fromAnswer') },
            ...attendanceModeSchema.options.map((m) => ({
              value: m,
              label: t(`meetingCycle.attendance.modes.${m}`),
            })),
          ]}
        />
        <TextInput
          label={t('meetingCycle.invitations.head')}
          value={head}
          onChange={(event) => setHead(event.currentTarget.value)}
          error={errors.headOfDelegation}
        />
      </SimpleGrid>
      <FormActions
        submitLabel={t('meetingCycle.attendance.record')}
        pending={record.isPending}
        disabled={!chosen}
      />
    </SectionForm>
  );
}

function SelfCheckIn({ meetingId, nation }: { meetingId: string; nation: string }) {
  const { t } = useTranslation();
  const { nameOf } = useNationNames();
  const record = useRecordAttendance(meetingId);
  return (
    <Stack gap="xs" align="flex-start">
      <Button loading={record.isPending} onClick={() => record.mutate({ nation })}>
        {t('meetingCycle.attendance.checkIn', { nation: nameOf(nation) })}
      </Button>
      <ErrorAlert error={record.error} />
    </Stack>
  );
}
