import {
  Badge,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../core/meetings/agenda.schema';
import { type Outcome, outcomeKindSchema } from '../../../core/meetings/meeting-record.schema';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import { useAgenda } from '../../api/meetings';
import { useOutcomes, useRecordOutcome } from '../../api/meetings-record';
import { FormActions, SectionForm } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
import { QueryState } from '../QueryState';

type Kind = (typeof outcomeKindSchema.options)[number];

/** Outcomes and decisions under their agenda item (or in general); recorded while the meeting is open. */
export function OutcomesSection({ meeting, canRecord }: { meeting: Meeting; canRecord: boolean }) {
  const { t } = useTranslation();
  const outcomes = useOutcomes(meeting.id);
  const agenda = useAgenda(meeting.id);
  const items = agenda.data?.items ?? [];
  return (
    <QueryState query={outcomes}>
      {(list) => {
        const groups: { key: string; title: string; outcomes: Outcome[] }[] = [
          ...items.map((item) => ({
            key: item.id,
            title: `${item.position}. ${item.title}`,
            outcomes: list.filter((o) => o.agendaItemId === item.id),
          })),
          {
            key: 'general',
            title: t('meetingCycle.outcomes.general'),
            outcomes: list.filter(
              (o) => o.agendaItemId === null || !items.some((i) => i.id === o.agendaItemId),
            ),
          },
        ].filter((g) => g.outcomes.length > 0);
        return (
          <Stack>
            {canRecord ? <OutcomeForm meetingId={meeting.id} items={items} /> : null}
            {groups.length === 0 ? (
              <Text>{t('meetingCycle.outcomes.none')}</Text>
            ) : (
              groups.map((group) => (
                <section key={group.key} data-testid="outcome-group">
                  <Title order={3} size="h5" mb={4}>
                    {group.title}
                  </Title>
                  <Stack gap={6}>
                    {group.outcomes.map((outcome) => (
                      <Group key={outcome.id} gap="xs" align="flex-start" wrap="nowrap">
                        <Badge
                          component="span"
                          variant="outline"
                          color={outcome.kind === 'decision' ? 'blue.8' : 'gray.8'}
                          style={{ flexShrink: 0 }}
                        >
                          {t(`meetingCycle.outcomes.kind.${outcome.kind}`)}
                        </Badge>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {outcome.text}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                </section>
              ))
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

const FIELDS = ['agendaItemId', 'kind', 'text'] as const;

function OutcomeForm({ meetingId, items }: { meetingId: string; items: readonly AgendaItem[] }) {
  const { t } = useTranslation();
  const record = useRecordOutcome(meetingId);
  const [agendaItemId, setAgendaItemId] = useState('');
  const [kind, setKind] = useState<Kind>('outcome');
  const [text, setText] = useState('');
  const { errors, problems } = useFormErrors(record.error, FIELDS);
  const title = t('meetingCycle.outcomes.recordTitle');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { agendaItemId: agendaItemId || undefined, kind, text },
      { onSuccess: () => setText('') },
    );
  };

  return (
    <SectionForm title={title} onSubmit={submit}>
      <FormProblems problems={problems} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('meetingCycle.outcomes.agendaItem')}
          value={agendaItemId}
          onChange={(event) => setAgendaItemId(event.currentTarget.value)}
          error={errors.agendaItemId}
          data={[
            { value: '', label: t('meetingCycle.outcomes.general') },
            ...items.map((item) => ({
              value: item.id,
              label: `${item.position}. ${item.title}`,
            })),
          ]}
        />
        <NativeSelect
          label={t('meetingCycle.outcomes.kindLabel')}
          value={kind}
          onChange={(event) => {
            const parsed = outcomeKindSchema.safeParse(event.currentTarget.value);
            if (parsed.success) setKind(parsed.data);
          }}
          error={errors.kind}
          data={outcomeKindSchema.options.map((k) => ({
            value: k,
            label: t(`meetingCycle.outcomes.kind.${k}`),
          }))}
        />
      </SimpleGrid>
      <Textarea
        label={t('meetingCycle.outcomes.text')}
        required
        autosize
        minRows={2}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={errors.text}
      />
      <FormActions submitLabel={t('meetingCycle.outcomes.record')} pending={record.isPending} />
    </SectionForm>
  );
}
