import { Anchor, Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AreaCoverageList } from '../../../core/coverage/coverage.schema';
import { useLocale } from '../use-locale';
import { ChartFigure } from './ChartFigure';
import { CHART_COLORS, type ChartOption, EChart } from './EChart';
import { formatMoney, formatNumber, formatPercent } from './format';
import { valueBarsOption } from './value-bars';

const drillDown = (slug: string) => `/coverage/requirements?area=${encodeURIComponent(slug)}`;

interface AreaFiguresProps {
  coverage: AreaCoverageList;
  onArea: (slug: string) => void;
}

/** Value pledged, contracted and delivered per capability area; a click opens the area's gaps. */
export function AreaValueFigure({ coverage, onArea }: AreaFiguresProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { currency, items } = coverage;
  const money = (amount: string) => formatMoney({ amount, currency }, locale);
  const option = useMemo(
    () =>
      valueBarsOption(
        items.map((a) => ({ name: a.capabilityArea.name, value: a.value })),
        currency,
        locale,
        t,
      ),
    [items, currency, locale, t],
  );

  return (
    <ChartFigure
      title={t('ledger.coverage.areaValueTitle', { currency })}
      description={t('ledger.coverage.areaValueHint')}
      chart={
        <EChart
          option={option}
          height={60 + items.length * 44}
          label={t('ledger.coverage.areaValueLabel', { count: items.length })}
          onSelect={(index) => {
            const area = items[index];
            if (area) onArea(area.capabilityArea.slug);
          }}
        />
      }
      table={
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="xs" data-testid="area-value-table">
            <caption className="visually-hidden">
              {t('ledger.coverage.areaValueTitle', { currency })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ledger.coverage.area')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.requirements')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.overdue')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.pledged')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.contracted')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.delivered')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.estimated')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.pledges')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.capabilityArea.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={drillDown(a.capabilityArea.slug)}>
                      {a.capabilityArea.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{formatNumber(a.requirements.count, locale)}</Table.Td>
                  <Table.Td>{formatNumber(a.requirements.overdue, locale)}</Table.Td>
                  <Table.Td>{money(a.value.pledged)}</Table.Td>
                  <Table.Td>{money(a.value.contracted)}</Table.Td>
                  <Table.Td>{money(a.value.delivered)}</Table.Td>
                  <Table.Td>{money(a.value.estimated)}</Table.Td>
                  <Table.Td>
                    {formatNumber(a.pledgeCount, locale)}
                    {a.value.unvaluedPledges > 0
                      ? ` (${t('ledger.coverage.unvalued', { count: a.value.unvaluedPledges })})`
                      : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}

/**
 * Quantities against requirements per area and unit, as shares of what is needed: shells and systems
 * never add up, so each unit is its own bar group; the table gives the quantities themselves.
 */
export function AreaQuantityFigure({ coverage, onArea }: AreaFiguresProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useMemo(
    () => coverage.items.flatMap((a) => a.byUnit.map((u) => ({ area: a.capabilityArea, ...u }))),
    [coverage.items],
  );
  const option = useMemo((): ChartOption => {
    // Shares of what is needed, so units as different as shells and systems share one axis.
    const share = (part: number, needed: number) =>
      needed > 0 ? Math.min(100, Math.round((part / needed) * 1000) / 10) : 0;
    const series = (['pledged', 'contracted', 'delivered'] as const).map((key) => ({
      type: 'bar' as const,
      name: t(`ledger.coverage.${key}`),
      itemStyle: { color: CHART_COLORS[key] },
      data: rows.map((r) => share(r[key], r.needed)),
    }));
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatPercent(Number(v), locale),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 20 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => `${r.area.name} · ${formatNumber(r.needed, locale)} ${r.unit}`),
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: (v: number) => formatPercent(v, locale) },
      },
      series,
    };
  }, [rows, locale, t]);

  return (
    <ChartFigure
      title={t('ledger.coverage.quantityTitle')}
      description={t('ledger.coverage.quantityHint')}
      chart={
        <EChart
          option={option}
          height={60 + rows.length * 56}
          label={t('ledger.coverage.quantityLabel', { count: rows.length })}
          onSelect={(index) => {
            const row = rows[index];
            if (row) onArea(row.area.slug);
          }}
        />
      }
      table={
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="xs" data-testid="area-quantity-table">
            <caption className="visually-hidden">{t('ledger.coverage.quantityTitle')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ledger.coverage.area')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.unit')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.needed')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.pledged')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.contracted')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.delivered')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.gap')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.coverage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.area.id}-${r.unit}`}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={drillDown(r.area.slug)}>
                      {r.area.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{r.unit}</Table.Td>
                  <Table.Td>{formatNumber(r.needed, locale)}</Table.Td>
                  <Table.Td>{formatNumber(r.pledged, locale)}</Table.Td>
                  <Table.Td>{formatNumber(r.contracted, locale)}</Table.Td>
                  <Table.Td>{formatNumber(r.delivered, locale)}</Table.Td>
                  <Table.Td>{formatNumber(r.gap, locale)}</Table.Td>
                  <Table.Td>{formatPercent(r.coveragePercent, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
