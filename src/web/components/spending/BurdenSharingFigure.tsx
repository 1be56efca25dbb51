import { Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BurdenSharing } from '../../../core/spending/spending.schema';
import { nationName } from '../../i18n/format';
import { formatMoney } from '../ledger/format';
import { SourceBadge } from '../SourceBadge';
import { useLocale } from '../use-locale';
import { ChartFigure, type ChartOption, EChart, SPENDING_COLORS } from './chart';
import { EstimateFlag } from './FigureValue';
import { formatBillions, formatDecimal } from './format';

type Row = BurdenSharing['rows'][number];

/** Rows worth drawing: a nation with support recorded or a defence figure to set beside it. */
const drawable = (rows: readonly Row[]) =>
  rows.filter((row) => Number(row.pledged) > 0 || row.defence !== null);

/**
 * Support to the recipient beside defence spending, both as % of GDP. Support is a fraction of a
 * per cent where defence is two or more, so each has its own axis: bars on the left, points right.
 */
export function BurdenSharingFigure({ burden }: { burden: BurdenSharing }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useMemo(() => drawable(burden.rows), [burden.rows]);
  const option = useMemo((): ChartOption => {
    const pct = (value: number) =>
      t('spending.pct', { value: formatDecimal(String(value), locale) });
    return {
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (typeof v === 'number' ? pct(v) : '—'),
      },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((row) => row.nation.code),
        axisLabel: { interval: 0, rotate: 60 },
      },
      yAxis: [
        {
          type: 'value',
          name: t('spending.burden.axisSupport'),
          axisLabel: { formatter: (v: number) => pct(v) },
        },
        {
          type: 'value',
          name: t('spending.burden.axisDefence'),
          position: 'right',
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => pct(v) },
        },
      ],
      series: [
        {
          type: 'bar',
          name: t('spending.burden.pledged'),
          color: SPENDING_COLORS.pledge,
          data: rows.map((row) => (row.pledgedPctGdp === null ? null : Number(row.pledgedPctGdp))),
        },
        {
          type: 'bar',
          name: t('spending.burden.delivered'),
          color: SPENDING_COLORS.delivered,
          data: rows.map((row) =>
            row.deliveredPctGdp === null ? null : Number(row.deliveredPctGdp),
          ),
        },
        {
          type: 'line',
          name: t('spending.burden.defence'),
          yAxisIndex: 1,
          color: SPENDING_COLORS.alliance,
          lineStyle: { opacity: 0 },
          symbol: 'diamond',
          symbolSize: 10,
          data: rows.map((row) => (row.defence ? Number(row.defence.pctGdp) : null)),
        },
      ],
    };
  }, [rows, locale, t]);
  return (
    <ChartFigure
      title={t('spending.burden.chartTitle', { recipient: burden.group.recipient })}
      description={t('spending.burden.chartDescription')}
      chart={
        <EChart
          option={option}
          height={420}
          label={t('spending.burden.chartLabel', { count: rows.length })}
        />
      }
    />
  );
}

/** The same figures and more: amounts in the group's currency, the GDP used, each source. */
export function BurdenSharingTable({ burden }: { burden: BurdenSharing }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pct = (value: string | null) =>
    value === null ? '—' : t('spending.pct', { value: formatDecimal(value, locale) });
  const money = (amount: string) => formatMoney({ amount, currency: burden.currency }, locale);
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped verticalSpacing="xs" data-testid="burden-table">
        <caption>{t('spending.burden.tableCaption', { currency: burden.currency })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('spending.col.nation')}</Table.Th>
            <Table.Th scope="col">{t('spending.burden.pledged')}</Table.Th>
            <Table.Th scope="col">{t('spending.burden.delivered')}</Table.Th>
            <Table.Th scope="col">{t('spending.burden.pledgedAmount')}</Table.Th>
            <Table.Th scope="col">{t('spending.burden.deliveredAmount')}</Table.Th>
            <Table.Th scope="col">{t('spending.burden.defence')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.source')}</Table.Th>
            <Table.Th scope="col">{t('spending.burden.gdp')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {burden.rows.map((row) => (
            <Table.Tr key={row.nation.code} data-testid="burden-row" data-nation={row.nation.code}>
              <Table.Th scope="row" fw={400}>
                {nationName(row.nation, locale)}
              </Table.Th>
              <Table.Td>{pct(row.pledgedPctGdp)}</Table.Td>
              <Table.Td>{pct(row.deliveredPctGdp)}</Table.Td>
              <Table.Td>{money(row.pledged)}</Table.Td>
              <Table.Td>{money(row.delivered)}</Table.Td>
              <Table.Td>
                {row.defence ? (
                  <>
                    {pct(row.defence.pctGdp)}
                    <EstimateFlag estimate={row.defence.estimate} /> ({row.defence.year})
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {row.defence ? <SourceBadge source={row.defence.source} compact /> : '—'}
              </Table.Td>
              <Table.Td fz="sm" title={row.gdp?.source}>
                {row.gdp
                  ? formatBillions({ amount: row.gdp.amount, currency: 'EUR' }, locale)
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
