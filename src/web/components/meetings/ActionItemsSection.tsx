import {
  Anchor,
  Badge,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionInfo } from '../../../core/accounts/account.schema';
import {
  type ActionItem,
  actionItemStatusSchema,
} from '../../../core/meetings/meeting-record.schema';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import { useAgenda } from '../../api/meetings';
import {
  useCreateActionItem,
  useMeetingActionItems,
  useUpdateActionItem,
} from '../../api/meetings-record';
import { useNations } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { FormActions, SectionForm } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
import { QueryState } from '../QueryState';
import { useLocale } from '../use-locale';
import { useNationNames, useNationOptions } from '../use-nation-names';
import { actionItemMeetingHref, canEditActionItem } from './access';

interface ActionItemsSectionProps {
  meeting: Meeting;
  session: SessionInfo | null | undefined;
  /** The secretariat raises action items while the meeting is open. */
  canRaise: boolean;
}

/** Action items raised at this meeting, and those still open from earlier meetings of the group. */
export function ActionItemsSection({ meeting, session, canRaise }: ActionItemsSectionProps) {
  const { t } = useTranslation();
  const items = useMeetingActionItems(meeting.id);
  return (
    <QueryState query={items}>
      {({ raisedHere, carried }) => (
        <Stack>
          {canRaise ? <ActionItemForm meeting={meeting} /> : null}
          <Title order={3} size="h5">
            {t('meetingCycle.actionItems.raisedHere')}
          </Title>
          <ActionItemTable
            items={raisedHere}
            session={session}
            slug={meeting.group.slug}
            testId="action-items"
          />
          <Title order={3} size="h5">
            {t('meetingCycle.actionItems.carried')}
          </Title>
          <ActionItemTable
            items={carried}
            session={session}
            slug={meeting.group.slug}
            testId="carried-action-items"
          />
        </Stack>
      )}
    </QueryState>
  );
}

interface ActionItemTableProps {
  items: readonly ActionItem[];
  session: SessionInfo | null | undefined;
  /** The group's slug: who may update an item, and whether its meeting has a page to link. */
  slug: string;
  testId: string;
  /** What to say when there are none; the group's list says which filter found nothing. */
  empty?: string;
}

/**
 * Action items with their owner, due day, meeting and status; those the viewer may update (the
 * secretariat, the owner's coordinators) get a status select, a failed update its error above.
 */
export function ActionItemTable({ items, session, slug, testId, empty }: ActionItemTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const update = useUpdateActionItem();
  if (items.length === 0)
    return <Text size="sm">{empty ?? t('meetingCycle.actionItems.none')}</Text>;
  return (
    <Stack gap="xs">
      <ErrorAlert error={update.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" data-testid={testId}>
          <caption className="visually-hidden">{t('meetingCycle.actionItems.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('meetingCycle.actionItems.title')}</Table.Th>
              <Table.Th scope="col">{t('meetingCycle.actionItems.owner')}</Table.Th>
              <Table.Th scope="col">{t('meetingCycle.actionItems.due')}</Table.Th>
              <Table.Th scope="col">{t('meetingCycle.actionItems.raisedAt')}</Table.Th>
              <Table.Th scope="col">{t('meetingCycle.actionItems.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Th scope="row" fw={500}>
                  {item.title}
                </Table.Th>
                <Table.Td>{nameOf(item.owner.code)}</Table.Td>
                <Table.Td>
                  {item.dueOn ? formatDate(item.dueOn, locale, 'medium') : '—'}{' '}
                  {item.overdue ? (
                    <Badge component="span" color="red.9" variant="filled">
                      {t('meetingCycle.actionItems.overdue')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <MeetingCell item={item} slug={slug} />
                </Table.Td>
                <Table.Td>
                  {canEditActionItem(session, slug, item.owner.code) ? (
                    <NativeSelect
                      aria-label={t('meetingCycle.actionItems.statusOf', { title: item.title })}
                      size="xs"
                      value={item.status}
                      disabled={update.isPending}
                      onChange={(event) => {
                        const status = actionItemStatusSchema.safeParse(event.currentTarget.value);
                        if (status.success)
                          update.mutate({
                            id: item.id,
                            version: item.version,
                            status: status.data,
                          });
                      }}
                      data={actionItemStatusSchema.options.map((s) => ({
                        value: s,
                        label: t(`meetingCycle.actionItems.statuses.${s}`),
                      }))}
                    />
                  ) : (
                    t(`meetingCycle.actionItems.statuses.${item.status}`)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function MeetingCell({ item, slug }: { item: ActionItem; slug: string }) {
  const href = actionItemMeetingHref(item, slug);
  return href === null ? (
    <>{item.meeting.code}</>
  ) : (
    <Anchor component={Link} to={href} inherit>
      {item.meeting.code}
    </Anchor>
  );
}

const FIELDS = ['title', 'ownerNation', 'dueOn', 'agendaItemId', 'note'] as const;

function ActionItemForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const nationOptions = useNationOptions();
  const participants = useNations({ group: meeting.group.slug, limit: 500 });
  const agenda = useAgenda(meeting.id);
  const create = useCreateActionItem(meeting.id);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [agendaItemId, setAgendaItemId] = useState('');
  const { errors, problems } = useFormErrors(create.error, FIELDS);
  const formTitle = t('meetingCycle.actionItems.raiseTitle');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        title,
        ownerNation: owner,
        dueOn: dueOn || undefined,
        agendaItemId: agendaItemId || undefined,
      },
      {
        onSuccess: () => {
          setTitle('');
          setDueOn('');
        },
      },
    );
  };

  return (
    <SectionForm title={formTitle} onSubmit={submit}>
      <FormProblems problems={problems} />
      <TextInput
        label={t('meetingCycle.actionItems.title')}
        required
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        error={errors.title}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('meetingCycle.actionItems.owner')}
          required
          value={owner}
          onChange={(event) => setOwner(event.currentTarget.value)}
          error={errors.ownerNation}
          data={[
            { value: '', label: t('meetingCycle.actionItems.chooseOwner') },
            ...nationOptions(participants.data?.items ?? [], { withCode: false }),
          ]}
        />
        <TextInput
          type="date"
          label={t('meetingCycle.actionItems.due')}
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
          error={errors.dueOn}
        />
        <NativeSelect
          label={t('meetingCycle.outcomes.agendaItem')}
          value={agendaItemId}
          onChange={(event) => setAgendaItemId(event.currentTarget.value)}
          error={errors.agendaItemId}
          data={[
            { value: '', label: t('meetingCycle.outcomes.general') },
            ...(agenda.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.position}. ${item.title}`,
            })),
          ]}
        />
      </SimpleGrid>
      <FormActions submitLabel={t('meetingCycle.actionItems.raise')} pending={create.isPending} />
    </SectionForm>
  );
}
