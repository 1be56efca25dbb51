import { ActionIcon, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { Fragment, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Agenda,
  type AgendaItem,
  agendaItemSchema,
} from '../../../core/meetings/agenda.schema';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import {
  useAddAgendaItem,
  useAgenda,
  useAgendaHistory,
  useRemoveAgendaItem,
  useReorderAgenda,
  useUpdateAgendaItem,
} from '../../api/meetings';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { ConflictAlert } from '../ledger/FormErrors';
import { QueryState } from '../QueryState';
import { useLocale } from '../use-locale';
import { useNationNames } from '../use-nation-names';
import {
  AgendaItemForm,
  type AgendaItemDraft,
  draftOf,
  EMPTY_AGENDA_ITEM,
  minutesOf,
} from './AgendaItemForm';
import { sameLinks } from './agenda-links';
import { AgendaLinkList } from './AgendaLinks';

/**
 * The agenda in order; the secretariat adds, edits, removes and re-orders items while it may change.
 */
export function AgendaSection({ meeting, canEdit }: { meeting: Meeting; canEdit: boolean }) {
  const { t } = useTranslation();
  const agenda = useAgenda(meeting.id);
  const [showHistory, setShowHistory] = useState(false);
  return (
    <Stack>
      <QueryState query={agenda}>
        {(data) => (
          <Stack>
            <AgendaTable agenda={data} group={meeting.group.slug} canEdit={canEdit} />
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

function AgendaTable({
  agenda,
  group,
  canEdit,
}: {
  agenda: Agenda;
  group: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { nameOf } = useNationNames();
  const reorder = useReorderAgenda(agenda.meetingId);
  const remove = useRemoveAgendaItem();
  const error = reorder.error ?? remove.error;
  // Focus follows the moved item's button, so a keyboard user can keep moving it.
  const table = useRef<HTMLTableElement>(null);
  // The item whose edit form is open under its row: one at a time.
  const [editing, setEditing] = useState<string | null>(null);

  // The keyboard goes back to the item's edit button before the form (holding it) is taken away.
  const closeEditor = (id: string) => {
    table.current?.querySelector<HTMLButtonElement>(`[data-item="${id}"][data-edit]`)?.focus();
    setEditing(null);
  };

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
              <Fragment key={item.id}>
                <Table.Tr data-testid="agenda-item">
                  <Table.Td>{item.position}</Table.Td>
                  <Table.Td>
                    <Text fw={600}>{item.title}</Text>
                    {item.description ? <Text size="sm">{item.description}</Text> : null}
                    <AgendaLinkList group={group} title={item.title} links={item.links} />
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
                          variant="default"
                          data-item={item.id}
                          data-edit
                          aria-expanded={editing === item.id}
                          onClick={() =>
                            editing === item.id ? closeEditor(item.id) : setEditing(item.id)
                          }
                          aria-label={t('meetingCycle.agenda.editNamed', { title: item.title })}
                        >
                          {t('meetingCycle.agenda.edit')}
                        </Button>
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
                {canEdit && editing === item.id ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <EditItemForm
                        item={item}
                        group={group}
                        onClose={() => closeEditor(item.id)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
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

function AddItemForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const add = useAddAgendaItem(meeting.id);
  const [draft, setDraft] = useState<AgendaItemDraft>(EMPTY_AGENDA_ITEM);

  const submit = () => {
    const text = (value: string) => value.trim() || undefined;
    add.mutate(
      {
        title: draft.title,
        description: text(draft.description),
        presenterNation: draft.nation || undefined,
        presenterPerson: text(draft.person),
        minutes: minutesOf(draft.minutes) ?? undefined,
        links: [...draft.links],
      },
      { onSuccess: () => setDraft(EMPTY_AGENDA_ITEM) },
    );
  };

  return (
    <AgendaItemForm
      title={t('meetingCycle.agenda.addTitle')}
      group={meeting.group.slug}
      value={draft}
      onChange={setDraft}
      error={add.error}
      onSubmit={submit}
      submitLabel={t('meetingCycle.agenda.add')}
      pending={add.isPending}
    />
  );
}

const AGENDA_ITEM_KEYS = Object.keys(EMPTY_AGENDA_ITEM) as (keyof AgendaItemDraft)[];

/** Edits one item where it stands in the agenda; `onClose` once saved or cancelled. */
function EditItemForm({
  item,
  group,
  onClose,
}: {
  item: AgendaItem;
  group: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAgendaItem();
  // The item as the form last read it: what the edits are measured against, and the version sent.
  // It moves on only when the user loads the newer one after a conflict, never under their typing.
  const [base, setBase] = useState(item);
  const [draft, setDraft] = useState(() => draftOf(item));

  const submit = () => {
    const before = draftOf(base);
    const changed = (key: keyof AgendaItemDraft) =>
      key === 'links' ? !sameLinks(draft.links, before.links) : draft[key] !== before[key];
    if (!AGENDA_ITEM_KEYS.some(changed)) {
      // Nothing to save: a request would only add an "item edited" revision that changes nothing.
      onClose();
      return;
    }
    const text = (value: string) => (value.trim() === '' ? null : value);
    update.mutate(
      {
        id: item.id,
        version: base.version,
        // Only what changed is sent; a field emptied is sent as null, which clears it.
        title: changed('title') ? draft.title : undefined,
        description: changed('description') ? text(draft.description) : undefined,
        presenterNation: changed('nation') ? draft.nation || null : undefined,
        presenterPerson: changed('person') ? text(draft.person) : undefined,
        minutes: changed('minutes') ? minutesOf(draft.minutes) : undefined,
        // The whole list replaces the item's links: removing one is sending the others.
        links: changed('links') ? [...draft.links] : undefined,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <AgendaItemForm
      // A newer version loaded after a conflict starts the form afresh, the keyboard in its title.
      key={base.version}
      title={t('meetingCycle.agenda.editNamed', { title: base.title })}
      group={group}
      value={draft}
      onChange={setDraft}
      error={update.error}
      onSubmit={submit}
      submitLabel={t('common.save')}
      pending={update.isPending}
      onCancel={onClose}
      focusOnOpen
    >
      <ConflictAlert
        error={update.error}
        schema={agendaItemSchema}
        onReload={(current) => {
          update.reset();
          setBase(current);
          setDraft(draftOf(current));
        }}
      />
    </AgendaItemForm>
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
