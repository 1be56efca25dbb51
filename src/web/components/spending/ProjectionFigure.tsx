import { Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpendingProjection } from '../../../core/spending/spending.schema';
import { nationName } from '../../i18n/format';
import { useLocale } from '../use-locale';
import { ChartFigure, type ChartOption, EChart, SPENDING_COLORS } from './chart';
import { formatDecimal, formatRounded } from './format';

/** The projected share of GDP: the central line inside its band, and the target as a line. */
export function ProjectionFigure({ projection }: { projection: SpendingProjection }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = nationName(projection.nation, locale);
  const share = (value: number) => t('spending.pct', { value: formatRounded(value, locale, 2) });

  const option = useMemo((): ChartOption => {
    const pct = (value: number) => t('spending.pct', { value: formatRounded(value, locale, 2) });
    const years = projection.points.map((p) => String(p.year));
    const level = projection.target?.pctGdp ?? null;
    const hidden = { show: false };
    return {
      legend: { top: 0, data: [t('spending.projection.central'), t('spending.projection.band')] },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? pct(v) : String(v)),
      },
      grid: { left: 8, right: 24, top: 40, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: years, boundaryGap: false },
      yAxis: {
        type: 'value',
        min: (extent: { min: number }) => Math.max(0, Math.floor(extent.min * 2) / 2 - 0.5),
        axisLabel: { formatter: (v: number) => pct(v) },
      },
      series: [
        // The band is drawn as the low line plus the width above it, stacked; both stay out of the
        // tooltip, which names the low and high lines themselves.
        {
          type: 'line',
          name: 'band-base',
          stack: 'band',
          data: projection.points.map((p) => p.low),
          lineStyle: { opacity: 0 },
          symbol: 'none',
          tooltip: hidden,
          silent: true,
        },
        {
          type: 'line',
          name: t('spending.projection.band'),
          stack: 'band',
          data: projection.points.map((p) => Math.max(0, p.high - p.low)),
          lineStyle: { opacity: 0 },
          areaStyle: { color: SPENDING_COLORS.band, opacity: 0.45 },
          color: SPENDING_COLORS.band,
          symbol: 'none',
          tooltip: hidden,
          silent: true,
        },
        {
          type: 'line',
          name: t('spending.projection.low'),
          data: projection.points.map((p) => p.low),
          lineStyle: { type: 'dashed', width: 1 },
          color: SPENDING_COLORS.share,
          symbol: 'none',
        },
        {
          type: 'line',
          name: t('spending.projection.high'),
          data: projection.points.map((p) => p.high),
          lineStyle: { type: 'dashed', width: 1 },
          color: SPENDING_COLORS.share,
          symbol: 'none',
        },
        {
          type: 'line',
          name: t('spending.projection.central'),
          data: projection.points.map((p) => p.central),
          color: SPENDING_COLORS.share,
          lineStyle: { width: 3 },
          symbolSize: 6,
          markLine:
            level === null
              ? undefined
              : {
                  symbol: 'none',
                  data: [
                    {
                      name: projection.target?.description ?? '',
                      yAxis: Number(level),
                      lineStyle: { color: SPENDING_COLORS.alliance, type: 'dashed' },
                      label: {
                        formatter: t('spending.pct', { value: formatDecimal(level, locale) }),
                        position: 'insideEndTop',
                      },
                    },
                  ],
                },
        },
      ],
    };
  }, [projection, locale, t]);

  return (
    <ChartFigure
      title={t('spending.projection.chartTitle', { nation: name })}
      description={t('spending.projection.chartDescription', {
        band: projection.assumptions.bandPp,
      })}
      chart={
        <EChart
          option={option}
          height={360}
          label={t('spending.projection.chartLabel', {
            nation: name,
            from: projection.points[0]?.year ?? '',
            to: projection.points.at(-1)?.year ?? '',
          })}
        />
      }
      table={
        <Table.ScrollContainer minWidth={500}>
          <Table verticalSpacing="xs" data-testid="projection-table">
            <caption>{t('spending.projection.tableCaption', { nation: name })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('spending.col.year')}</Table.Th>
                <Table.Th scope="col">{t('spending.projection.low')}</Table.Th>
                <Table.Th scope="col">{t('spending.projection.central')}</Table.Th>
                <Table.Th scope="col">{t('spending.projection.high')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {projection.points.map((p) => (
                <Table.Tr key={p.year}>
                  <Table.Th scope="row">{p.year}</Table.Th>
                  <Table.Td>{share(p.low)}</Table.Td>
                  <Table.Td>{share(p.central)}</Table.Td>
                  <Table.Td>{share(p.high)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
