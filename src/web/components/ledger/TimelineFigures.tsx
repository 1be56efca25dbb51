import { Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Timeline } from '../../../core/coverage/coverage.schema';
import { formatDate } from '../../i18n/format';
import { useLocale } from '../use-locale';
import { ChartFigure } from './ChartFigure';
import { CHART_COLORS, type ChartOption, EChart } from './EChart';
import { amountNumber, formatMoney, formatNumber } from './format';

function formatMonth(month: string, locale: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** What was pledged at each meeting of the group (and outside any meeting). */
export function MeetingTimelineFigure({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { currency, byMeeting } = timeline;
  const money = (amount: string) => formatMoney({ amount, currency }, locale);
  const option = useMemo((): ChartOption => {
    const label = (m: Timeline['byMeeting'][number]['meeting']) =>
      m ? (m.number === null ? m.name : `#${m.number}`) : t('ledger.coverage.noMeeting');
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatMoney({ amount: String(v), currency }, locale),
      },
      grid: { left: 8, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: byMeeting.map((b) => label(b.meeting)) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) => formatMoney({ amount: String(v), currency }, locale, true),
        },
      },
      series: [
        {
          type: 'bar',
          name: t('ledger.coverage.pledged'),
          itemStyle: { color: CHART_COLORS.pledged },
          data: byMeeting.map((b) => amountNumber(b.pledged)),
        },
      ],
    };
  }, [byMeeting, currency, locale, t]);
  return (
    <ChartFigure
      title={t('ledger.coverage.byMeetingTitle', { currency })}
      chart={
        <EChart
          option={option}
          label={t('ledger.coverage.byMeetingLabel', { count: byMeeting.length })}
        />
      }
      table={
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" data-testid="by-meeting-table">
            <caption className="visually-hidden">
              {t('ledger.coverage.byMeetingTitle', { currency })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ledger.coverage.meeting')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.date')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.pledged')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.pledges')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.donors')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {byMeeting.map((b) => (
                <Table.Tr key={b.meeting?.id ?? 'none'}>
                  <Table.Th scope="row">
                    {b.meeting?.name ?? t('ledger.coverage.noMeeting')}
                  </Table.Th>
                  <Table.Td>
                    {b.meeting ? formatDate(b.meeting.date, locale, 'medium') : '—'}
                  </Table.Td>
                  <Table.Td>{money(b.pledged)}</Table.Td>
                  <Table.Td>{formatNumber(b.pledgeCount, locale)}</Table.Td>
                  <Table.Td>{formatNumber(b.donors.length, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}

/** Pledged per month and the running total since the first pledge. */
export function MonthlyTimelineFigure({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { currency, byMonth } = timeline;
  const money = (amount: string) => formatMoney({ amount, currency }, locale);
  const option = useMemo(
    (): ChartOption => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => formatMoney({ amount: String(v), currency }, locale),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: byMonth.map((m) => formatMonth(m.month, locale)) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) => formatMoney({ amount: String(v), currency }, locale, true),
        },
      },
      series: [
        {
          type: 'bar',
          name: t('ledger.coverage.pledgedInMonth'),
          itemStyle: { color: CHART_COLORS.pledged },
          data: byMonth.map((m) => amountNumber(m.pledged)),
        },
        {
          type: 'line',
          name: t('ledger.coverage.cumulative'),
          itemStyle: { color: CHART_COLORS.line },
          lineStyle: { width: 3 },
          data: byMonth.map((m) => amountNumber(m.cumulative)),
        },
      ],
    }),
    [byMonth, currency, locale, t],
  );
  return (
    <ChartFigure
      title={t('ledger.coverage.byMonthTitle', { currency })}
      chart={
        <EChart
          option={option}
          label={t('ledger.coverage.byMonthLabel', {
            count: byMonth.length,
            total: byMonth.length ? money(byMonth[byMonth.length - 1]?.cumulative ?? '0') : '—',
          })}
        />
      }
      table={
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" data-testid="by-month-table">
            <caption className="visually-hidden">
              {t('ledger.coverage.byMonthTitle', { currency })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ledger.coverage.month')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.pledgedInMonth')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.cumulative')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.pledges')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {byMonth.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row">{formatMonth(m.month, locale)}</Table.Th>
                  <Table.Td>{money(m.pledged)}</Table.Td>
                  <Table.Td>{money(m.cumulative)}</Table.Td>
                  <Table.Td>{formatNumber(m.pledgeCount, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
