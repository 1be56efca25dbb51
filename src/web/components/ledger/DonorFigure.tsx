import { Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DonorTotalsList } from '../../../core/coverage/coverage.schema';
import { nationName } from '../../i18n/format';
import { NationLabel } from '../NationLabel';
import { useLocale } from '../use-locale';
import { ChartFigure } from './ChartFigure';
import { type ChartOption, EChart, PIE_COLORS } from './EChart';
import { amountNumber, formatMoney, formatNumber, formatPercent } from './format';

const SLICES = 10;

/** Each donor's share of everything pledged: the ten largest, and the rest together. */
export function DonorFigure({ donors }: { donors: DonorTotalsList }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { currency, items, total } = donors;
  const money = (amount: string) => formatMoney({ amount, currency }, locale);
  const sorted = useMemo(
    () => [...items].sort((a, b) => amountNumber(b.pledged) - amountNumber(a.pledged)),
    [items],
  );
  const option = useMemo((): ChartOption => {
    const top = sorted.slice(0, SLICES).map((d) => ({
      name: nationName(d.donor, locale),
      value: amountNumber(d.pledged),
    }));
    const rest = sorted.slice(SLICES).reduce((sum, d) => sum + amountNumber(d.pledged), 0);
    const data = rest > 0 ? [...top, { name: t('ledger.coverage.otherDonors'), value: rest }] : top;
    return {
      color: PIE_COLORS,
      tooltip: {
        trigger: 'item',
        valueFormatter: (v) => formatMoney({ amount: String(v), currency }, locale),
      },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '70%'],
          center: ['35%', '50%'],
          label: { formatter: '{d} %' },
          data,
        },
      ],
    };
  }, [sorted, currency, locale, t]);

  return (
    <ChartFigure
      title={t('ledger.coverage.donorsTitle')}
      description={t('ledger.coverage.donorsHint', { total: money(total) })}
      chart={
        <EChart
          option={option}
          height={340}
          label={t('ledger.coverage.donorsLabel', {
            count: items.length,
            top: sorted[0] ? nationName(sorted[0].donor, locale) : '—',
          })}
        />
      }
      table={
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="xs" data-testid="donors-table">
            <caption className="visually-hidden">{t('ledger.coverage.donorsTitle')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ledger.coverage.donor')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.pledged')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.contracted')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.delivered')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.share')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.gdpShare')}</Table.Th>
                <Table.Th scope="col">{t('ledger.coverage.pledges')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((d) => (
                <Table.Tr key={d.donor.code}>
                  <Table.Th scope="row">
                    <NationLabel nation={d.donor} />
                  </Table.Th>
                  <Table.Td>{money(d.pledged)}</Table.Td>
                  <Table.Td>{money(d.contracted)}</Table.Td>
                  <Table.Td>{money(d.delivered)}</Table.Td>
                  <Table.Td>{formatPercent(d.sharePercent, locale)}</Table.Td>
                  <Table.Td title={d.gdp?.source}>
                    {d.gdpPercent === null
                      ? '—'
                      : new Intl.NumberFormat(locale, {
                          style: 'percent',
                          maximumSignificantDigits: 2,
                        }).format(d.gdpPercent / 100)}
                  </Table.Td>
                  <Table.Td>{formatNumber(d.pledgeCount, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
