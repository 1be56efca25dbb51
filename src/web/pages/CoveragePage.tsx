import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AreaCoverageList, DonorTotalsList } from '../../core/coverage/coverage.schema';
import { useAreaCoverage, useDonorTotals, useTimeline } from '../api/ledger-coverage';
import { DEFAULT_GROUP } from '../api/queries';
import { useSession } from '../api/session';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { useLocale } from '../components/use-locale';
import { AreaQuantityFigure, AreaValueFigure } from '../components/ledger/AreaFigures';
import { DonorFigure } from '../components/ledger/DonorFigure';
import { formatMoney, formatNumber } from '../components/ledger/format';
import { LedgerSearch } from '../components/ledger/LedgerSearch';
import { MeetingTimelineFigure, MonthlyTimelineFigure } from '../components/ledger/TimelineFigures';
import { formatDate } from '../i18n/format';

function Headline({ areas, donors }: { areas: AreaCoverageList; donors?: DonorTotalsList }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sum = (pick: (a: AreaCoverageList['items'][number]) => number) =>
    areas.items.reduce((total, a) => total + pick(a), 0);
  const figures: [string, string][] = [
    [
      t('ledger.coverage.totalPledged'),
      donors ? formatMoney({ amount: donors.total, currency: donors.currency }, locale) : '…',
    ],
    [
      t('ledger.coverage.requirements'),
      formatNumber(
        sum((a) => a.requirements.count),
        locale,
      ),
    ],
    [
      t('ledger.coverage.openRequirements'),
      formatNumber(
        sum((a) => a.requirements.open + a.requirements.partlyMet),
        locale,
      ),
    ],
    [
      t('ledger.coverage.overdue'),
      formatNumber(
        sum((a) => a.requirements.overdue),
        locale,
      ),
    ],
    [
      t('ledger.coverage.pledges'),
      formatNumber(
        sum((a) => a.pledgeCount),
        locale,
      ),
    ],
  ];
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 5 }}
      component="dl"
      m={0}
      data-testid="coverage-headline"
    >
      {figures.map(([label, value]) => (
        <Paper key={label} withBorder p="sm">
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl">
            {value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Coverage and gaps: what is needed against what is pledged, contracted and delivered. */
export function CoveragePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const session = useSession();
  const areas = useAreaCoverage(DEFAULT_GROUP);
  const donors = useDonorTotals(DEFAULT_GROUP);
  const timeline = useTimeline(DEFAULT_GROUP);
  const openArea = (slug: string) =>
    void navigate(`/coverage/requirements?area=${encodeURIComponent(slug)}`);

  return (
    <Stack>
      <PageTitle text={t('ledger.coverage.title')} />
      <Text c="dimmed" size="sm" mt={-8}>
        {session.data ? t('ledger.coverage.introSignedIn') : t('ledger.coverage.introPublic')}
        {areas.data
          ? ` ${t('ledger.coverage.asOf', { date: formatDate(areas.data.asOf, locale) })}`
          : ''}
      </Text>
      <Group gap="lg">
        <Anchor component={Link} to="/coverage/requirements">
          {t('ledger.coverage.toGaps')}
        </Anchor>
        <Anchor component={Link} to="/coverage/requirements?sort=gap">
          {t('ledger.coverage.toLargestGaps')}
        </Anchor>
        <Anchor component={Link} to="/coverage/coalitions">
          {t('ledger.coverage.toCoalitions')}
        </Anchor>
      </Group>
      <LedgerSearch slug={DEFAULT_GROUP} />
      <QueryState query={areas}>
        {(list) => (
          <Stack>
            <Headline areas={list} donors={donors.data} />
            {list.items.length === 0 ? (
              <Text>{t('ledger.coverage.empty')}</Text>
            ) : (
              <>
                <AreaValueFigure coverage={list} onArea={openArea} />
                <AreaQuantityFigure coverage={list} onArea={openArea} />
              </>
            )}
          </Stack>
        )}
      </QueryState>
      <QueryState query={donors}>
        {(list) => (list.items.length > 0 ? <DonorFigure donors={list} /> : null)}
      </QueryState>
      <QueryState query={timeline}>
        {(data) =>
          data.byMonth.length > 0 ? (
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <MeetingTimelineFigure timeline={data} />
              <MonthlyTimelineFigure timeline={data} />
            </SimpleGrid>
          ) : null
        }
      </QueryState>
    </Stack>
  );
}
