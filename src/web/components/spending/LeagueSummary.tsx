import { Anchor, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SpendingLeague } from '../../../core/spending/spending.schema';
import { useLocale } from '../use-locale';
import { Points } from './FigureValue';
import { formatBillions, formatDecimal } from './format';

type GapSum = SpendingLeague['summary']['totalGap']['eur'];

/** A total gap in one currency, saying how many gaps it adds and which nations it could not price. */
function GapTotal({ sum, currency }: { sum: GapSum; currency: 'EUR' | 'USD' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {sum.nations > 0 ? formatBillions({ amount: sum.amount, currency }, locale) : '—'}
      <Text component="span" display="block" size="xs" c="dimmed">
        {t('spending.summary.gapNations', { count: sum.nations })}
        {sum.missing.length > 0
          ? ` · ${t('spending.summary.gapMissing', { nations: sum.missing.join(', ') })}`
          : ''}
      </Text>
    </>
  );
}

/** The year against the target at a glance: who meets it, the total gap, the change since 2014. */
export function LeagueSummary({ league }: { league: SpendingLeague }) {
  const { t } = useTranslation();
  const { summary } = league;
  const change = summary.changeSinceBase;
  const facts: [string, ReactNode, string][] = [
    [
      t('spending.summary.meeting', { year: league.year }),
      t('spending.summary.meetingValue', {
        meeting: summary.meeting,
        count: summary.withFigure,
      }),
      'meeting',
    ],
    [
      t('spending.summary.meetingBase', { year: league.baseYear }),
      String(summary.meetingInBaseYear),
      'meeting-base',
    ],
    [
      t('spending.summary.change', { year: league.baseYear }),
      <>
        <Points value={change.meanPp} />
        <Text component="span" display="block" size="xs" c="dimmed">
          {t('spending.summary.changeDetail', {
            rose: change.rose,
            fell: change.fell,
            count: change.nations,
          })}
        </Text>
      </>,
      'change',
    ],
    [
      t('spending.summary.totalGapEur'),
      <GapTotal key="eur" sum={summary.totalGap.eur} currency="EUR" />,
      'gap-eur',
    ],
    [
      t('spending.summary.totalGapUsd'),
      <GapTotal key="usd" sum={summary.totalGap.usd} currency="USD" />,
      'gap-usd',
    ],
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} component="dl" m={0} data-testid="league-summary">
      {facts.map(([label, value, id]) => (
        <Paper key={id} withBorder p="sm" data-testid={`summary-${id}`}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={700} size="lg">
            {value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** How many allies meet each comparable alliance target and call in the league's year. */
export function TargetCounts({ league }: { league: SpendingLeague }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" data-testid="target-counts">
        <caption className="visually-hidden">
          {t('spending.counts.title', { year: league.year })}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('spending.counts.target')}</Table.Th>
            <Table.Th scope="col">{t('spending.counts.level')}</Table.Th>
            <Table.Th scope="col">{t('spending.counts.meeting')}</Table.Th>
            <Table.Th scope="col">{t('spending.counts.notMeeting')}</Table.Th>
            <Table.Th scope="col">{t('spending.counts.noFigure')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {league.targets.map((count) => (
            <Table.Tr key={count.target.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/spending/targets/${count.target.id}`}>
                  {count.target.description}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {count.target.pctGdp
                  ? t('spending.pct', { value: formatDecimal(count.target.pctGdp, locale) })
                  : '—'}
              </Table.Td>
              <Table.Td>{count.meeting}</Table.Td>
              <Table.Td>{count.notMeeting}</Table.Td>
              <Table.Td>{count.noFigure}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
