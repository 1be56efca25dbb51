import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSpendingLeague } from '../../api/spending';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { useUrlParams } from '../../components/use-url-params';
import { isMetFilter, LeagueFilters } from '../../components/spending/LeagueFilters';
import { LeagueSummary, TargetCounts } from '../../components/spending/LeagueSummary';
import {
  isLeagueColumn,
  type LeagueColumn,
  LeagueTable,
} from '../../components/spending/LeagueTable';

const DEFAULT_TARGET = 'NATO_VILNIUS_2023';

/** Every ally's defence spending in one year against a target: ranked, sortable, filterable. */
export function SpendingLeaguePage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 0 ? yearParam : undefined;
  const target = params.get('target') ?? DEFAULT_TARGET;
  const sortParam = params.get('sort');
  const sort: LeagueColumn = isLeagueColumn(sortParam) ? sortParam : 'rank';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const showParam = params.get('show');
  const show = isMetFilter(showParam) ? showParam : 'all';
  const league = useSpendingLeague({ year, target });

  const set = (key: string, value: string | null) =>
    update((p) => {
      if (value === null) p.delete(key);
      else p.set(key, value);
    });
  // A first click sorts the way a reader most often wants: names A–Z, figures largest first.
  const onSort = (column: LeagueColumn) =>
    update((p) => {
      const firstOrder = column === 'nation' || column === 'rank' ? 'asc' : 'desc';
      const nextOrder = sort === column ? (order === 'asc' ? 'desc' : 'asc') : firstOrder;
      p.set('sort', column);
      p.set('order', nextOrder);
    });

  const rows = useMemo(() => {
    const all = league.data?.rows ?? [];
    if (show === 'all') return all;
    return all.filter((row) => row.met === (show === 'met'));
  }, [league.data, show]);

  return (
    <Stack>
      <PageTitle text={t('spending.league.title')} />
      <Text c="dimmed" size="sm" mt={-8}>
        {t('spending.league.intro')}
      </Text>
      <Group gap="lg">
        <Anchor component={Link} to="/spending/projection">
          {t('spending.nav.projection')}
        </Anchor>
        <Anchor component={Link} to="/spending/burden-sharing">
          {t('spending.nav.burdenSharing')}
        </Anchor>
        <Anchor component={Link} to={`/spending/targets/${target}`}>
          {t('spending.league.toTarget')}
        </Anchor>
      </Group>
      <LeagueFilters
        year={year ?? league.data?.year ?? new Date().getFullYear()}
        target={target}
        show={show}
        onYear={(value) => set('year', String(value))}
        onTarget={(value) => set('target', value === DEFAULT_TARGET ? null : value)}
        onShow={(value) => set('show', value === 'all' ? null : value)}
      />
      <QueryState query={league}>
        {(data) => (
          <Stack>
            <LeagueSummary league={data} />
            <Text size="sm" aria-live="polite" data-testid="league-count">
              {t('spending.league.showing', { count: rows.length, total: data.rows.length })}
            </Text>
            <LeagueTable league={data} rows={rows} sort={sort} order={order} onSort={onSort} />
            <section aria-labelledby="target-counts-heading">
              <Title order={2} size="h4" id="target-counts-heading" mb="xs">
                {t('spending.counts.title', { year: data.year })}
              </Title>
              <TargetCounts league={data} />
            </section>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
