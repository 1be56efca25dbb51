import { Stack, Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pledge } from '../../../core/pledges/pledge.schema';
import type { NationSpending, TargetAnalysis } from '../../../core/spending/spending.schema';
import { nationName, formatDate } from '../../i18n/format';
import { amountNumber, formatMoney } from '../ledger/format';
import { SourceBadge } from '../SourceBadge';
import { useLocale } from '../use-locale';
import { ChartFigure, type ChartOption, EChart, SPENDING_COLORS } from './chart';
import { EstimateFlag } from './FigureValue';
import { formatDecimal, yearFraction } from './format';

/** Targets a line can show: a level on NATO's own measure (the others are not on this scale). */
export const drawnTargets = (targets: readonly TargetAnalysis[]) =>
  targets.filter((a) => a.target.comparable && a.target.pctGdp !== null);

interface Props {
  spending: NationSpending;
  /** The nation's pledges to the recipient that the viewer may read, with a value to place. */
  pledges: readonly Pledge[];
}

/**
 * The nation's share of GDP since 2014 with the targets that apply: alliance targets and calls as
 * lines across the chart, its own pledges as a line from their announcement (marked) to their
 * deadline, and its pledges to the recipient as markers on a second axis of money.
 */
export function NationSpendingFigure({ spending, pledges }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = nationName(spending.nation, locale);
  const lines = useMemo(() => drawnTargets(spending.targets), [spending.targets]);
  const valued = useMemo(() => pledges.filter((p) => p.reportingValue !== null), [pledges]);
  const currency = valued[0]?.reportingValue?.currency ?? 'EUR';

  const option = useMemo((): ChartOption => {
    const pct = (value: number | string) =>
      t('spending.pct', { value: formatDecimal(String(value), locale) });
    const lastFigure = spending.series.at(-1)?.year ?? spending.baseYear;
    const deadlines = lines.map((a) => a.target.deadlineYear ?? 0);
    const xMax = Math.max(lastFigure + 1, ...deadlines.filter((y) => y <= lastFigure + 12));
    // Several alliance targets share a level (2006, Wales and Vilnius are all 2 %): one line each
    // level, named for all of them in its tooltip, or the labels would sit on top of each other.
    const levels = new Map<string, TargetAnalysis[]>();
    for (const a of lines) {
      if (a.target.kind === 'national' || a.target.pctGdp === null) continue;
      levels.set(a.target.pctGdp, [...(levels.get(a.target.pctGdp) ?? []), a]);
    }
    const national = lines.filter((a) => a.target.kind === 'national');
    const yTop = Math.max(0, ...lines.map((a) => Number(a.target.pctGdp)));
    return {
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'item' },
      grid: {
        left: 8,
        right: valued.length > 0 ? 16 : 48,
        top: 40,
        bottom: 28,
        containLabel: true,
      },
      xAxis: {
        type: 'value',
        min: spending.baseYear,
        max: xMax,
        interval: 1,
        axisLabel: { formatter: (v: number) => String(v) },
      },
      yAxis: [
        {
          type: 'value',
          name: t('spending.nation.axisShare'),
          min: 0,
          // Mark lines do not stretch an axis: make room for the highest target (the 5 % call).
          max: (extent: { max: number }) => Math.ceil(Math.max(extent.max, yTop) * 2) / 2,
          axisLabel: { formatter: (v: number) => pct(v) },
        },
        ...(valued.length > 0
          ? [
              {
                type: 'value' as const,
                name: t('spending.nation.axisPledges', { currency }),
                position: 'right' as const,
                splitLine: { show: false },
                // The largest pledge at 40 % of the height keeps the markers under the share line.
                max: (extent: { max: number }) => {
                  const raw = extent.max / 0.4;
                  const step = 10 ** Math.floor(Math.log10(raw));
                  return Math.ceil(raw / step) * step;
                },
                axisLabel: {
                  formatter: (v: number) =>
                    formatMoney({ amount: String(v), currency }, locale, true),
                },
              },
            ]
          : []),
      ],
      series: [
        {
          type: 'line',
          name: t('spending.nation.seriesShare'),
          color: SPENDING_COLORS.share,
          tooltip: { valueFormatter: (v) => pct(Array.isArray(v) ? String(v[1]) : String(v)) },
          data: spending.series.map((f) => ({
            name: `${f.year}${f.estimate ? ` (${t('spending.estimate')})` : ''}`,
            value: [f.year, Number(f.pctGdp)],
            // An estimate is drawn hollow, as NATO prints it with an "e".
            symbol: f.estimate ? 'emptyCircle' : 'circle',
          })),
          symbolSize: 8,
          markLine: {
            symbol: 'none',
            silent: false,
            // From end to end of the axis as explicit coordinates: a bare yAxis mark line stops at
            // the series' last point on a value axis of years.
            data: [...levels.entries()].map(([level, group]) => {
              const style = {
                name: group.map((a) => a.target.description).join(' · '),
                lineStyle: {
                  color: group.some((a) => a.target.kind === 'alliance')
                    ? SPENDING_COLORS.alliance
                    : SPENDING_COLORS.call,
                  type: 'dashed' as const,
                },
                label: { formatter: pct(level), position: 'insideEndTop' as const },
              };
              return [
                { ...style, coord: [spending.baseYear, Number(level)] },
                { coord: [xMax, Number(level)] },
              ];
            }),
            tooltip: { formatter: '{b}' },
          },
        },
        ...national.map((a) => {
          const level = Number(a.target.pctGdp);
          const from = Math.max(spending.baseYear, yearFraction(a.target.announcedOn));
          const to = Math.max(from, a.target.deadlineYear ?? xMax);
          return {
            type: 'line' as const,
            name: t('spending.nation.nationalLine', {
              level: pct(a.target.pctGdp ?? ''),
              deadline: a.target.deadline ?? t('spending.noDeadline'),
            }),
            color: SPENDING_COLORS.national,
            lineStyle: { type: 'dotted' as const, width: 2 },
            tooltip: { formatter: a.target.description },
            data: [
              { value: [from, level], symbol: 'diamond', symbolSize: 12 },
              { value: [to, level], symbol: 'none' },
            ],
          };
        }),
        ...(valued.length > 0
          ? [
              {
                type: 'line' as const,
                name: t('spending.nation.seriesPledges'),
                yAxisIndex: 1,
                color: SPENDING_COLORS.pledge,
                // Markers only: pledges are events, not a series to join up.
                lineStyle: { opacity: 0 },
                symbol: 'triangle',
                symbolSize: 11,
                tooltip: {
                  valueFormatter: (v: unknown) =>
                    formatMoney({ amount: String(Array.isArray(v) ? v[1] : v), currency }, locale),
                },
                data: [...valued]
                  .sort((a, b) => a.announcedOn.localeCompare(b.announcedOn))
                  .map((p) => ({
                    name: `${p.item} · ${formatDate(p.announcedOn, locale, 'medium')}`,
                    value: [
                      yearFraction(p.announcedOn),
                      amountNumber(p.reportingValue?.amount ?? '0'),
                    ],
                  })),
              },
            ]
          : []),
      ],
    };
  }, [spending, lines, valued, currency, locale, t]);

  return (
    <ChartFigure
      title={t('spending.nation.chartTitle', { nation: name })}
      description={t('spending.nation.chartDescription')}
      chart={
        <EChart
          option={option}
          height={380}
          label={t('spending.nation.chartLabel', {
            nation: name,
            count: spending.series.length,
            targets: lines.length,
          })}
        />
      }
      table={<NationSpendingTables spending={spending} lines={lines} pledges={valued} />}
    />
  );
}

/** The chart's figures as tables: the series, the target lines, the pledges. */
function NationSpendingTables({
  spending,
  lines,
  pledges,
}: {
  spending: NationSpending;
  lines: readonly TargetAnalysis[];
  pledges: readonly Pledge[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pct = (value: string) => t('spending.pct', { value: formatDecimal(value, locale) });
  return (
    <Stack data-testid="nation-spending-tables">
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="xs" data-testid="series-table">
          <caption>{t('spending.nation.seriesCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('spending.col.year')}</Table.Th>
              <Table.Th scope="col">{t('spending.col.share')}</Table.Th>
              <Table.Th scope="col">{t('spending.col.estimate')}</Table.Th>
              <Table.Th scope="col">{t('spending.col.release')}</Table.Th>
              <Table.Th scope="col">{t('spending.col.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {spending.series.map((f) => (
              <Table.Tr key={f.year}>
                <Table.Th scope="row">{f.year}</Table.Th>
                <Table.Td>
                  {pct(f.pctGdp)}
                  <EstimateFlag estimate={f.estimate} />
                </Table.Td>
                <Table.Td>{f.estimate ? t('spending.estimate') : t('spending.final')}</Table.Td>
                <Table.Td>{f.release.name}</Table.Td>
                <Table.Td>
                  <SourceBadge source={f.source} compact />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="xs" data-testid="target-lines-table">
          <caption>{t('spending.nation.linesCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('spending.col.target')}</Table.Th>
              <Table.Th scope="col">{t('spending.col.level')}</Table.Th>
              <Table.Th scope="col">{t('spending.col.kind')}</Table.Th>
              <Table.Th scope="col">{t('spending.col.announced')}</Table.Th>
              <Table.Th scope="col">{t('spending.col.deadline')}</Table.Th>
              <Table.Th scope="col">{t('spending.col.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map(({ target }) => (
              <Table.Tr key={target.id}>
                <Table.Th scope="row" fw={400}>
                  {target.description}
                </Table.Th>
                <Table.Td>{pct(target.pctGdp ?? '')}</Table.Td>
                <Table.Td>{t(`spending.kind.${target.kind}`)}</Table.Td>
                <Table.Td>{target.announcedOn}</Table.Td>
                <Table.Td>{target.deadline ?? t('spending.noDeadline')}</Table.Td>
                <Table.Td>
                  <SourceBadge source={target.source} compact />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pledges.length > 0 ? (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" data-testid="pledge-markers-table">
            <caption>{t('spending.nation.pledgesCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('spending.col.announced')}</Table.Th>
                <Table.Th scope="col">{t('spending.col.item')}</Table.Th>
                <Table.Th scope="col">{t('spending.col.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pledges.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{formatDate(p.announcedOn, locale, 'medium')}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    {p.item}
                  </Table.Th>
                  <Table.Td>
                    {p.reportingValue ? formatMoney(p.reportingValue, locale) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
