import { Anchor, Table, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SpendingLeague } from '../../../core/spending/spending.schema';
import { nationName } from '../../i18n/format';
import { SourceBadge } from '../SourceBadge';
import { useLocale } from '../use-locale';
import { EstimateFlag, FigureValue, Points } from './FigureValue';
import { formatBillions } from './format';

type Row = SpendingLeague['rows'][number];

export const LEAGUE_COLUMNS = [
  'rank',
  'nation',
  'pct',
  'release',
  'change',
  'gap',
  'met',
  'gapEur',
  'gapUsd',
  'source',
] as const;
export type LeagueColumn = (typeof LEAGUE_COLUMNS)[number];
export type SortOrder = 'asc' | 'desc';

export const isLeagueColumn = (value: string | null): value is LeagueColumn =>
  (LEAGUE_COLUMNS as readonly string[]).includes(value ?? '');

/** What a column sorts by: a number or a text, null when the row has nothing there (sorted last). */
function sortKey(row: Row, column: LeagueColumn, locale: string): number | string | null {
  switch (column) {
    case 'rank':
      return row.rank;
    case 'nation':
      return nationName(row.nation, locale);
    case 'pct':
      return row.figure ? Number(row.figure.pctGdp) : null;
    case 'release':
      return row.figure ? `${row.figure.release.date} ${row.figure.release.name}` : null;
    case 'change':
      return row.changeSinceBasePp === null ? null : Number(row.changeSinceBasePp);
    case 'gap':
      return row.gapPp === null ? null : Number(row.gapPp);
    case 'met':
      return row.met === null ? null : row.met ? 1 : 0;
    case 'gapEur':
      return row.gapMoney?.eur ? Number(row.gapMoney.eur.amount) : null;
    case 'gapUsd':
      return row.gapMoney?.usd ? Number(row.gapMoney.usd.amount) : null;
    case 'source':
      return row.figure ? (row.figure.source.title ?? row.figure.source.url ?? '') : null;
  }
}

/** Sorts the rows by one column; rows without a value go last in either direction. */
export function sortLeague(
  rows: readonly Row[],
  column: LeagueColumn,
  order: SortOrder,
  locale: string,
): Row[] {
  const collator = new Intl.Collator(locale);
  const sign = order === 'asc' ? 1 : -1;
  return rows
    .map((row) => ({ row, key: sortKey(row, column, locale) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
      const diff =
        typeof a.key === 'number' && typeof b.key === 'number'
          ? a.key - b.key
          : collator.compare(String(a.key), String(b.key));
      return diff * sign;
    })
    .map(({ row }) => row);
}

interface LeagueTableProps {
  league: SpendingLeague;
  rows: readonly Row[];
  sort: LeagueColumn;
  order: SortOrder;
  onSort: (column: LeagueColumn) => void;
}

/** The league: one row per ally, every figure with its release, estimate flag and source. */
export function LeagueTable({ league, rows, sort, order, onSort }: LeagueTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sorted = useMemo(() => sortLeague(rows, sort, order, locale), [rows, sort, order, locale]);
  const header = (column: LeagueColumn) => {
    const active = sort === column;
    return (
      <Table.Th
        key={column}
        scope="col"
        aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm">
          {t(`spending.league.col.${column}`, { year: league.baseYear })}
          <span aria-hidden="true">{active ? (order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Table.ScrollContainer minWidth={1250}>
      <Table striped verticalSpacing="xs" data-testid="league-table">
        <caption className="visually-hidden">
          {t('spending.league.caption', { year: league.year, target: league.target.id })}
        </caption>
        <Table.Thead>
          <Table.Tr>{LEAGUE_COLUMNS.map(header)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.nation.code} data-testid="league-row" data-nation={row.nation.code}>
              <Table.Td>{row.rank ?? '—'}</Table.Td>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/spending/nations/${row.nation.code}`}>
                  {nationName(row.nation, locale)}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <FigureValue figure={row.figure} />
              </Table.Td>
              <Table.Td fz="xs" miw={220}>
                {row.figure ? (
                  <>
                    {row.figure.year !== league.year ? `${row.figure.year} · ` : ''}
                    {row.figure.release.name}
                    <EstimateFlag estimate={row.figure.estimate} />
                  </>
                ) : (
                  t('spending.noFigure')
                )}
              </Table.Td>
              <Table.Td>
                <Points value={row.changeSinceBasePp} />
              </Table.Td>
              <Table.Td>
                <Points value={row.gapPp} />
              </Table.Td>
              <Table.Td>
                {row.met === null ? '—' : row.met ? t('spending.met') : t('spending.notMet')}
              </Table.Td>
              <Table.Td>
                {row.gapMoney?.eur ? formatBillions(row.gapMoney.eur, locale) : '—'}
              </Table.Td>
              <Table.Td title={row.gapMoney?.note ?? undefined}>
                {row.gapMoney?.usd ? formatBillions(row.gapMoney.usd, locale) : '—'}
              </Table.Td>
              <Table.Td>
                {row.figure ? <SourceBadge source={row.figure.source} compact /> : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
