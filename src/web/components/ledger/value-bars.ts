import type { TFunction } from 'i18next';
import { CHART_COLORS, type ChartOption } from './EChart';
import { amountNumber, formatMoney } from './format';

/** A row of a value chart: a capability area, a coalition; amounts in the reporting currency. */
export interface ValueBarsRow {
  name: string;
  value: { pledged: string; contracted: string; delivered: string };
}

/**
 * Horizontal bars of value pledged, contracted and delivered per row, in one currency: the chart the
 * coverage page draws per capability area and the coalitions page per coalition.
 */
export function valueBarsOption(
  rows: readonly ValueBarsRow[],
  currency: string,
  locale: string,
  t: TFunction,
): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => formatMoney({ amount: String(v), currency }, locale),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 20 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
    xAxis: {
      type: 'value',
      axisLabel: {
        formatter: (v: number) => formatMoney({ amount: String(v), currency }, locale, true),
      },
    },
    series: (['pledged', 'contracted', 'delivered'] as const).map((key) => ({
      type: 'bar' as const,
      name: t(`ledger.coverage.${key}`),
      itemStyle: { color: CHART_COLORS[key] },
      data: rows.map((r) => amountNumber(r.value[key])),
    })),
  };
}
