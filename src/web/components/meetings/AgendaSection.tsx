import {
  ActionIcon,
  Button,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda, AgendaItem } from '../../../core/meetings/agenda.schema';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import {
  useAddAgendaItem,
  useAgenda,
  useAgendaHistory,
  useRemoveAgendaItem,
  useReorderAgenda,
} from '../../api/meetings';
import { useNations } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { FormActions, SectionForm } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
import { QueryState } from '../QueryState';
import { useLocale } from '../use-locale';
import { useNationNames, useNationOptions } from '../use-nation-names';

/** The agenda in order; the secretariat adds, removes and re-orders items while it may change. */
export function AgendaSection({ meeting, canEdit }: { meeting: Meeting; canEdit: boolean }) {
  const { t } = useTranslation();
  const agenda = useAgenda(meeting.id);
  const [showHistory, setShowHistory] = useState(false);
  return (
    <Stack>
      <QueryState query={agenda}>
        {(data) => (
          <Stack>
            <AgendaTable agenda={data} canEdit={canEdit} />
            {canEdit ? <AddItemForm meeting={meeting} /> : null}
          </Stack>
        )}
      </QueryState>
      <Group>
        <Button
          variant="default"
          onClick={() => setShowHistory((s) => !s)}
          aria-expanded={showHistory}
        >
          {showHistory
            ? t('meetingCycle.agenda.hideHistory')
            : t('meetingCycle.agenda.showHistory')}
        </Button>
      </Group>
      {showHistory ? <AgendaHistory meetingId={meeting.id} /> : null}
    </Stack>
  );
}

function AgendaTable({ agenda, canEdit }: { agenda: Agenda; canEdit: boolean }) {
  const { t } = useTranslation();
  const { nameOf } = useNationNames();
  const reorder = useReorderAgenda(agenda.meetingId);
  const remove = useRemoveAgendaItem();
  const error = reorder.error ?? remove.error;
  // Focus follows the moved item's button, so a keyboard user can keep moving it.
  const table = useRef<HTMLTableElement>(null);

  const move = (item: AgendaItem, by: -1 | 1) => {
    const ids = agenda.items.map((i) => i.id);
    const from = ids.indexOf(item.id);
    const to = from + by;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to] ?? item.id, item.id];
    reorder.mutate(
      { agendaVersion: agenda.agendaVersion, itemIds: ids },
      {
        onSuccess: () =>
          table.current
            ?.querySelector<HTMLButtonElement>(`[data-item="${item.id}"][data-move="${by}"]`)
            ?.focus(),
      },
    );
  };

  if (agenda.items.length === 0) return <Text>{t('meetingCycle.agenda.empty')}</Text>;
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table ref={table} striped verticalSpacing="sm" data-testid="agenda">
          <caption className="visually-hidden">{t('meetingCycle.agenda.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">{t('meetingCycle.agenda.item')}</Table.Th>
              <Table.Th scope="col">{t('meetingCycle.agenda.presenter')}</Table.Th>
              <Table.Th scope="col">{t('meetingCycle.agenda.timeBox')}</Table.Th>
              {canEdit ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('meetingCycle.agenda.actions')}</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agenda.items.map((item, index) => (
              <Table.Tr key={item.id} data-testid="agenda-item">
                <Table.Td>{item.position}</Table.Td>
                <Table.Td>
                  <Text fw={600}>{item.title}</Text>
                  {item.description ? <Text size="sm">{item.description}</Text> : null}
                </Table.Td>
                <Table.Td>
                  {[
                    item.presenter.nation ? nameOf(item.presenter.nation.code) : null,
                    item.presenter.person,
                  ]
                    .filter(Boolean)
                    .join(' — ') || '—'}
                </Table.Td>
                <Table.Td>
                  {item.minutes
                    ? t('meetingCycle.agenda.minutesFrom', {
                        count: item.minutes,
                        start: item.startsAfterMinutes,
                      })
                    : '—'}
                </Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="default"
                        data-item={item.id}
                        data-move="-1"
                        disabled={index === 0 || reorder.isPending}
                        onClick={() => move(item, -1)}
                        aria-label={t('meetingCycle.agenda.moveUp', { title: item.title })}
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        data-item={item.id}
                        data-move="1"
                        disabled={index === agenda.items.length - 1 || reorder.isPending}
                        onClick={() => move(item, 1)}
                        aria-label={t('meetingCycle.agenda.moveDown', { title: item.title })}
                      >
                        ↓
                      </ActionIcon>
                      <Button
                        size="compact-xs"
                        variant="outline"
                        color="red.9"
                        onClick={() => remove.mutate({ id: item.id, version: item.version })}
                        aria-label={t('meetingCycle.agenda.removeNamed', { title: item.title })}
                      >
                        {t('meetingCycle.agenda.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" data-testid="agenda-total">
        {t('meetingCycle.agenda.total', { count: agenda.totalMinutes })}
      </Text>
    </Stack>
  );
}

const ITEM_FIELDS = ['title', 'presenterNation', 'presenterPerson', 'minutes'] as const;

function AddItemForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const nationOptions = useNationOptions();
  const participants = useNations({ group: meeting.group.slug, limit: 500 });
  const add = useAddAgendaItem(meeting.id);
  const [title, setTitle] = useState('');
  const [nation, setNation] = useState('');
  const [person, setPerson] = useState('');
  const [minutes, setMinutes] = useState('');
  const { errors, problems } = useFormErrors(add.error, ITEM_FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        title,
        presenterNation: nation || undefined,
        presenterPerson: person.trim() || undefined,
        minutes: /^\d+$/.test(minutes.trim()) ? Number(minutes) : undefined,
      },
      {
        onSuccess: () => {
          setTitle('');
          setNation('');
          setPerson('');
          setMinutes('');
        },
      },
    );
  };

  return (
    <SectionForm title={t('meetingCycle.agenda.addTitle')} onSubmit={submit}>
      <FormProblems problems={problems} />
      <TextInput
        label={t('meetingCycle.agenda.title')}
        required
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        error={errors.title}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('meetingCycle.agenda.presenterNation')}
          value={nation}
          onChange={(event) => setNation(event.currentTarget.value)}
          error={errors.presenterNation}
          data={[
            { value: '', label: t('meetingCycle.agenda.noPresenter') },
            ...nationOptions(participants.data?.items ?? [], { withCode: false }),
          ]}
        />
        <TextInput
          label={t('meetingCycle.agenda.presenterPerson')}
          value={person}
          onChange={(event) => setPerson(event.currentTarget.value)}
          error={errors.presenterPerson}
        />
        <TextInput
          label={t('meetingCycle.agenda.minutes')}
          inputMode="numeric"
          value={minutes}
          onChange={(event) => setMinutes(event.currentTarget.value)}
          error={errors.minutes}
        />
      </SimpleGrid>
      <FormActions submitLabel={t('meetingCycle.agenda.add')} pending={add.isPending} />
    </SectionForm>
  );
}

function AgendaHistory({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = useAgendaHistory(meetingId);
  return (
    <QueryState query={history}>
      {(revisions) =>
        revisions.length === 0 ? (
          <Text>{t('meetingCycle.agenda.noHistory')}</Text>
        ) : (
          <List data-testid="agenda-history" spacing="sm">
            {[...revisions].reverse().map((revision) => (
              <List.Item key={revision.revision}>
                <Text size="sm" fw={600}>
                  {t('meetingCycle.agenda.revision', {
                    revision: revision.revision,
                    action: t(`meetingCycle.agenda.action.${revision.action}`),
                    who: revision.changedBy,
                    when: formatDateTime(revision.changedAt, locale),
                  })}
                </Text>
                <Text size="sm">
                  {revision.items.map((item) => `${item.position}. ${item.title}`).join(' · ') ||
                    t('meetingCycle.agenda.empty')}
                </Text>
              </List.Item>
            ))}
          </List>
        )
      }
    </QueryState>
  );
}
