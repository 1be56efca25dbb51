import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PledgeDetail } from '../../../core/pledges/pledge.schema';
import { formatDate } from '../../i18n/format';
import { useLocale } from '../use-locale';
import { formatNumber } from './format';

interface Step {
  date: string;
  planned: number;
  delivered: number;
}

/** Tranches and deliveries on one time line, summed by day, with the running totals of each. */
export function scheduleSteps(pledge: Pick<PledgeDetail, 'tranches' | 'deliveries'>): Step[] {
  const byDay = new Map<string, Step>();
  const at = (date: string) => {
    let step = byDay.get(date);
    if (!step) {
      step = { date, planned: 0, delivered: 0 };
      byDay.set(date, step);
    }
    return step;
  };
  for (const t of pledge.tranches) at(t.plannedOn).planned += t.quantity;
  for (const d of pledge.deliveries) at(d.deliveredOn).delivered += d.quantity;
  return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The schedule against what arrived: how far behind the plan the deliveries are (slippage). */
export function ScheduleTable({ pledge }: { pledge: PledgeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { plannedToDate, deliveredToDate, behind } = pledge.schedule;
  const steps = scheduleSteps(pledge);
  let planned = 0;
  let delivered = 0;
  return (
    <>
      <Group gap="md" mb="sm" data-testid="schedule-summary">
        <Text size="sm">
          {t('ledger.schedule.plannedToDate')}:{' '}
          <strong>{formatNumber(plannedToDate, locale)}</strong>
        </Text>
        <Text size="sm">
          {t('ledger.schedule.deliveredToDate')}:{' '}
          <strong>{formatNumber(deliveredToDate, locale)}</strong>
        </Text>
        {pledge.tranches.length === 0 ? (
          <Badge component="span" variant="outline" color="gray.8">
            {t('ledger.schedule.noPlan')}
          </Badge>
        ) : behind > 0 ? (
          <Badge component="span" variant="filled" color="red.9">
            {t('ledger.schedule.behind', { count: behind })}
          </Badge>
        ) : (
          <Badge component="span" variant="filled" color="#1e6b34">
            {t('ledger.schedule.onTrack')}
          </Badge>
        )}
      </Group>
      {steps.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('ledger.schedule.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="schedule-table">
            <caption className="visually-hidden">{t('ledger.schedule.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ledger.schedule.date')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('ledger.schedule.planned')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('ledger.schedule.delivered')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('ledger.schedule.cumulativePlanned')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('ledger.schedule.cumulativeDelivered')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('ledger.schedule.difference')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {steps.map((step) => {
                planned += step.planned;
                delivered += step.delivered;
                const difference = delivered - planned;
                return (
                  <Table.Tr key={step.date}>
                    <Table.Th scope="row" fw={500}>
                      {formatDate(step.date, locale, 'medium')}
                    </Table.Th>
                    <Table.Td ta="right">
                      {step.planned ? formatNumber(step.planned, locale) : '—'}
                    </Table.Td>
                    <Table.Td ta="right">
                      {step.delivered ? formatNumber(step.delivered, locale) : '—'}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(planned, locale)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(delivered, locale)}</Table.Td>
                    <Table.Td ta="right" c={difference < 0 ? 'red.9' : undefined} fw={600}>
                      {difference > 0 ? '+' : ''}
                      {formatNumber(difference, locale)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
