import { Alert, Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  SpendingLeague,
  SpendingTarget,
  TargetRef,
} from '../../../core/spending/spending.schema';
import { useSpendingLeague, useSpendingTarget } from '../../api/spending';
import { NotFound } from '../../components/NotFound';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { SourceBadge } from '../../components/SourceBadge';
import { useLocale } from '../../components/use-locale';
import { formatDecimal } from '../../components/spending/format';
import { LeagueSummary } from '../../components/spending/LeagueSummary';
import {
  type LeagueColumn,
  LeagueTable,
  type SortOrder,
} from '../../components/spending/LeagueTable';
import { nationName } from '../../i18n/format';

/** One spending target: what it is, who meets it, who does not and by how much. */
export function SpendingTargetPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const target = useSpendingTarget(id);
  return (
    <QueryState
      query={target}
      notFound={
        <NotFound
          title={t('spending.target.notFoundTitle')}
          message={t('spending.target.notFound', { id })}
          back={{ to: '/spending', label: t('spending.backToLeague') }}
        />
      }
    >
      {(data) => <TargetView target={data} />}
    </QueryState>
  );
}

function TargetLinks({ label, targets }: { label: string; targets: readonly TargetRef[] }) {
  if (targets.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <List size="sm">
        {targets.map((ref) => (
          <List.Item key={ref.id}>
            <Anchor component={Link} to={`/spending/targets/${ref.id}`}>
              {ref.description}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </div>
  );
}

function TargetView({ target }: { target: SpendingTarget }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const comparable = target.comparable && target.pctGdp !== null;
  const league = useSpendingLeague({ target: target.id }, comparable);
  const level = target.pctGdp
    ? t('spending.pct', { value: formatDecimal(target.pctGdp, locale) })
    : t('spending.target.noLevel');
  const facts: [string, string][] = [
    [t('spending.col.level'), level],
    [t('spending.col.kind'), t(`spending.kind.${target.kind}`)],
    [t('spending.target.announced'), `${target.announcedBy} · ${target.announcedOn}`],
    [t('spending.col.deadline'), target.deadline ?? t('spending.noDeadline')],
    [t('spending.target.measure'), target.measureDescription],
  ];
  if (target.nation) facts.push([t('spending.target.nation'), nationName(target.nation, locale)]);
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/spending" size="sm">
          ← {t('spending.backToLeague')}
        </Anchor>
        <PageTitle text={target.description} />
        <Group gap="xs">
          <Text size="sm">{target.id}</Text>
          <SourceBadge source={target.source} />
        </Group>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="dl" m={0}>
        {facts.map(([label, value]) => (
          <Paper key={label} withBorder p="sm">
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fw={600}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TargetLinks label={t('spending.target.supersedes')} targets={target.supersedes} />
        <TargetLinks label={t('spending.target.supersededBy')} targets={target.supersededBy} />
        <TargetLinks
          label={t('spending.target.partOf')}
          targets={target.partOf ? [target.partOf] : []}
        />
        <TargetLinks label={t('spending.target.components')} targets={target.components} />
      </SimpleGrid>
      {comparable ? (
        <QueryState query={league}>
          {(data) => <TargetStanding league={data} target={target} />}
        </QueryState>
      ) : (
        <Alert color="gray" title={t('spending.target.notComparableTitle')}>
          {target.pctGdp === null
            ? t('spending.target.noLevelNote')
            : t('spending.target.notComparable', { measure: target.measureDescription })}
        </Alert>
      )}
    </Stack>
  );
}

/** Who meets the target in the latest year and who does not, each with the gap in points and money. */
function TargetStanding({ league, target }: { league: SpendingLeague; target: SpendingTarget }) {
  const { t } = useTranslation();
  // A nation's own pledge is held against that nation only; alliance targets and calls against all.
  const rows = useMemo(
    () =>
      target.kind === 'national' && target.nation
        ? league.rows.filter((row) => row.nation.code === target.nation?.code)
        : league.rows,
    [league.rows, target],
  );
  const short = rows.filter((row) => row.met === false);
  const meeting = rows.filter((row) => row.met === true);
  const noFigure = rows.filter((row) => row.met === null);
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('spending.target.standing', { year: league.year })}
      </Title>
      <Text data-testid="target-count" fw={700}>
        {t('spending.target.count', {
          meeting: meeting.length,
          short: short.length,
          count: rows.length,
        })}
      </Text>
      {target.kind === 'national' ? null : <LeagueSummary league={league} />}
      <StandingTable
        title={t('spending.target.shortTitle', { count: short.length })}
        testId="target-short"
        league={league}
        rows={short}
        initial="gap"
      />
      <StandingTable
        title={t('spending.target.meetingTitle', { count: meeting.length })}
        testId="target-meeting"
        league={league}
        rows={meeting}
        initial="pct"
      />
      {noFigure.length > 0 ? (
        <Text size="sm">
          {t('spending.target.noFigure', {
            nations: noFigure.map((row) => row.nation.code).join(', '),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

interface StandingTableProps {
  title: string;
  testId: string;
  league: SpendingLeague;
  rows: SpendingLeague['rows'];
  initial: LeagueColumn;
}

function StandingTable({ title, testId, league, rows, initial }: StandingTableProps) {
  const [sort, setSort] = useState<{ column: LeagueColumn; order: SortOrder }>({
    column: initial,
    order: 'desc',
  });
  if (rows.length === 0) return null;
  return (
    <section aria-label={title} data-testid={testId}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      <LeagueTable
        league={league}
        rows={rows}
        sort={sort.column}
        order={sort.order}
        onSort={(column) =>
          setSort((s) => ({
            column,
            order: s.column === column && s.order === 'desc' ? 'asc' : 'desc',
          }))
        }
      />
    </section>
  );
}
