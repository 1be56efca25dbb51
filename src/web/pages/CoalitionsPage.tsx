import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CoalitionCoverageList } from '../../core/coverage/coverage.schema';
import { useCoalitionCoverage } from '../api/ledger-coverage';
import { DEFAULT_GROUP } from '../api/queries';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { useLocale } from '../components/use-locale';
import { useNationNames } from '../components/use-nation-names';
import { ChartFigure } from '../components/ledger/ChartFigure';
import { EChart } from '../components/ledger/EChart';
import { formatMoney, formatNumber } from '../components/ledger/format';
import { valueBarsOption } from '../components/ledger/value-bars';

/** The capability coalitions, each with its leads and members and what is pledged in its area. */
export function CoalitionsPage() {
  const { t } = useTranslation();
  const coverage = useCoalitionCoverage(DEFAULT_GROUP);
  return (
    <Stack>
      <PageTitle text={t('ledger.coalitions.title')} />
      <Text c="dimmed" size="sm" mt={-8}>
        {t('ledger.coalitions.intro')}
      </Text>
      <QueryState query={coverage}>
        {(list) =>
          list.items.length === 0 ? (
            <Text>{t('ledger.coalitions.none')}</Text>
          ) : (
            <CoalitionFigure list={list} />
          )
        }
      </QueryState>
    </Stack>
  );
}

function CoalitionFigure({ list }: { list: CoalitionCoverageList }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { nameOf } = useNationNames();
  const { currency, items } = list;
  const money = (amount: string) => formatMoney({ amount, currency }, locale);
  const option = useMemo(
    () =>
      valueBarsOption(
        items.map((c) => ({ name: c.coalition.name, value: c.value })),
        currency,
        locale,
        t,
      ),
    [items, currency, locale, t],
  );

  return (
    <Stack>
      <ChartFigure
        title={t('ledger.coalitions.valueTitle', { currency })}
        description={t('ledger.coalitions.valueHint')}
        chart={
          <EChart
            option={option}
            height={60 + items.length * 44}
            label={t('ledger.coalitions.valueLabel', { count: items.length })}
            onSelect={(index) => {
              const c = items[index];
              if (c) void navigate(`/coverage/coalitions/${c.coalition.id}`);
            }}
          />
        }
      />
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" data-testid="coalitions-table">
          <caption className="visually-hidden">{t('ledger.coalitions.title')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ledger.coalitions.coalition')}</Table.Th>
              <Table.Th scope="col">{t('ledger.coverage.area')}</Table.Th>
              <Table.Th scope="col">{t('ledger.coalitions.leads')}</Table.Th>
              <Table.Th scope="col">{t('ledger.coalitions.members')}</Table.Th>
              <Table.Th scope="col">{t('ledger.coverage.requirements')}</Table.Th>
              <Table.Th scope="col">{t('ledger.coverage.pledged')}</Table.Th>
              <Table.Th scope="col">{t('ledger.coverage.delivered')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.coalition.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/coverage/coalitions/${c.coalition.id}`}>
                    {c.coalition.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>{c.capabilityArea.name}</Table.Td>
                <Table.Td>{c.leads.map(nameOf).join(', ') || '—'}</Table.Td>
                <Table.Td>{formatNumber(c.members.length, locale)}</Table.Td>
                <Table.Td>
                  {t('ledger.coalitions.requirementCounts', {
                    count: c.requirements.count,
                    open: c.requirements.open + c.requirements.partlyMet,
                  })}
                </Table.Td>
                <Table.Td>{money(c.value.pledged)}</Table.Td>
                <Table.Td>{money(c.value.delivered)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
