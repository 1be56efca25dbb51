import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group as ContactGroup } from '../../core/groups/group.schema';
import type { Meeting } from '../../core/meetings/meeting.schema';
import { useLiveBoard } from '../api/live';
import { PageTitle } from '../components/PageTitle';
import { StatusBadge } from '../components/StatusBadge';
import { useLocale } from '../components/use-locale';
import { useNationNames } from '../components/use-nation-names';
import { formatMoney, formatNumber } from '../components/ledger/format';
import { boardTotals } from '../components/live/board-totals';
import { ConnectionBadge } from '../components/live/ConnectionBadge';
import { LiveAnnouncer } from '../components/live/LiveAnnouncer';
import {
  AttendanceTable,
  FigureTable,
  PledgeFeed,
  useAreaNames,
} from '../components/live/LiveTables';
import { MeetingBoardGate } from '../components/live/MeetingBoardGate';
import { formatDate } from '../i18n/format';

/** `/meetings/:number/board`: pledges and attendance of a meeting as they are recorded. */
export function LiveBoardPage() {
  return (
    <MeetingBoardGate>
      {(meeting, group) => <Board meeting={meeting} group={group} />}
    </MeetingBoardGate>
  );
}

function Board({ meeting, group }: { meeting: Meeting; group: ContactGroup }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const areaName = useAreaNames(group.slug);
  const board = useLiveBoard(meeting.id);
  const currency = group.reportingCurrency;
  const totals = boardTotals(board.pledges, currency);
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/meetings/${meeting.number ?? ''}`} size="sm">
          ← {t('liveBoard.backToMeeting', { code: meeting.code })}
        </Anchor>
        <Group gap="md" align="center" mt="xs" justify="space-between">
          <Group gap="md" align="center">
            <PageTitle text={t('liveBoard.title', { code: meeting.code })} />
            <Group mb="md" gap="xs">
              <StatusBadge status={meeting.status} />
              <ConnectionBadge connection={board.connection} />
            </Group>
          </Group>
          <Button
            component={Link}
            to={`/meetings/${meeting.number ?? ''}/board/projector`}
            variant="filled"
            color="dark"
            mb="md"
          >
            {t('liveBoard.openProjector')}
          </Button>
        </Group>
        <Text>
          {formatDate(meeting.date, locale, 'full')}
          {meeting.venue ? ` · ${meeting.venue}` : ''}
        </Text>
        {meeting.phase !== 'open' ? (
          <Text size="sm" c="dimmed" mt={4}>
            {t(`liveBoard.phaseHint.${meeting.phase}`)}
          </Text>
        ) : null}
        {board.connection === 'closed' ? (
          <Text size="sm" c="red.9" mt={4} role="alert">
            {t('liveBoard.closedHint')}
          </Text>
        ) : null}
      </div>
      <LiveAnnouncer board={board} />

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label={t('liveBoard.totalPledged', { currency })} testId="live-total">
          {formatMoney({ amount: totals.total.amount, currency }, locale)}
        </Figure>
        <Figure label={t('liveBoard.pledgeCount')} testId="live-count">
          {formatNumber(totals.total.count, locale)}
        </Figure>
        <Figure label={t('liveBoard.attendingCount')} testId="live-attending">
          {formatNumber(board.attendance.length, locale)}
        </Figure>
      </SimpleGrid>
      {totals.total.withoutValue > 0 ? (
        <Text size="sm">{t('liveBoard.withoutValue', { count: totals.total.withoutValue })}</Text>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <section aria-labelledby="by-nation-heading">
          <Title order={2} size="h4" id="by-nation-heading" mb="sm">
            {t('liveBoard.byNation')}
          </Title>
          <FigureTable
            figures={totals.byNation}
            currency={currency}
            label={t('liveBoard.col.nation')}
            nameOf={(code) => `${nameOf(code)} (${code})`}
            testId="live-by-nation"
          />
        </section>
        <section aria-labelledby="by-area-heading">
          <Title order={2} size="h4" id="by-area-heading" mb="sm">
            {t('liveBoard.byArea')}
          </Title>
          <FigureTable
            figures={totals.byArea}
            currency={currency}
            label={t('liveBoard.col.area')}
            nameOf={areaName}
            testId="live-by-area"
          />
        </section>
      </SimpleGrid>

      <section aria-labelledby="feed-heading">
        <Title order={2} size="h4" id="feed-heading" mb="sm">
          {t('liveBoard.feed')}
        </Title>
        <PledgeFeed pledges={board.pledges} group={group.slug} />
      </section>

      <section aria-labelledby="attendance-heading">
        <Title order={2} size="h4" id="attendance-heading" mb="sm">
          {t('liveBoard.attendance')}
        </Title>
        <AttendanceTable attendance={board.attendance} />
      </section>
    </Stack>
  );
}

function Figure({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} mt={4} data-testid={testId}>
        {children}
      </Text>
    </Card>
  );
}
