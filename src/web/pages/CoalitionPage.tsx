import { Anchor, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Coalition } from '../../core/capabilities/capability.schema';
import { useCoalition } from '../api/ledger';
import { useCoalitionCoverage, useRequirementCoverage } from '../api/ledger-coverage';
import { NationLabel } from '../components/NationLabel';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { useLocale } from '../components/use-locale';
import { FactList } from '../components/ledger/FactList';
import { formatMoney, formatNumber, formatPercent } from '../components/ledger/format';
import { RequirementCoverageTable } from '../components/ledger/RequirementCoverageTable';
import { formatDate } from '../i18n/format';

/** One capability coalition: who leads and who takes part, and the coverage of its area. */
export function CoalitionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const coalition = useCoalition(id);
  return (
    <QueryState
      query={coalition}
      notFound={
        <NotFound
          title={t('ledger.coalition.notFoundTitle')}
          message={t('ledger.coalition.notFound')}
          back={{ to: '/coverage/coalitions', label: t('ledger.coalition.backToList') }}
        />
      }
    >
      {(c) => <CoalitionView coalition={c} />}
    </QueryState>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function CoalitionView({ coalition: c }: { coalition: Coalition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const coverage = useCoalitionCoverage(c.groupSlug);
  const gaps = useRequirementCoverage(c.groupSlug, { coalitionId: c.id, limit: 100 });
  const mine = coverage.data?.items.find((item) => item.coalition.id === c.id);
  const currency = coverage.data?.currency ?? 'EUR';
  const money = (amount: string) => formatMoney({ amount, currency }, locale);

  const facts: [string, ReactNode][] = [
    [t('ledger.coverage.area'), c.area.name],
    [
      t('ledger.coalition.formed'),
      c.formedOn ? formatDate(c.formedOn, locale) : (c.formedIn ?? t('common.unknown')),
    ],
    [t('ledger.coalition.source'), <SourceBadge key="s" source={c.source} />],
  ];
  if (mine) {
    facts.push(
      [t('ledger.coverage.pledged'), money(mine.value.pledged)],
      [t('ledger.coverage.contracted'), money(mine.value.contracted)],
      [t('ledger.coverage.delivered'), money(mine.value.delivered)],
    );
  }

  return (
    <Stack gap="lg">
      <PageTitle text={c.name} />
      <Anchor component={Link} to="/coverage/coalitions" size="sm" mt={-20}>
        {t('ledger.coalition.backToList')}
      </Anchor>
      <FactList facts={facts} />
      {c.formedDateNote || c.keyMilestones ? (
        <Paper withBorder p="md">
          {c.formedDateNote ? <Text size="sm">{c.formedDateNote}</Text> : null}
          {c.keyMilestones ? (
            <Text size="sm" mt="xs">
              {c.keyMilestones}
            </Text>
          ) : null}
        </Paper>
      ) : null}
      <Group align="flex-start" grow>
        <Section id="coalition-leads" title={t('ledger.coalitions.leads')}>
          <List>
            {c.leads.map((n) => (
              <List.Item key={n.code}>
                <NationLabel nation={n} />
              </List.Item>
            ))}
          </List>
        </Section>
        <Section
          id="coalition-members"
          title={t('ledger.coalition.membersCount', { count: c.members.length })}
        >
          {c.members.length === 0 ? (
            <Text c="dimmed">{t('ledger.coalition.noMembers')}</Text>
          ) : (
            <List>
              {c.members.map((n) => (
                <List.Item key={n.code}>
                  <NationLabel nation={n} />
                  {n.joinedOn ? ` · ${formatDate(n.joinedOn, locale, 'medium')}` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </Group>
      {mine && mine.byUnit.length > 0 ? (
        <Section id="coalition-units" title={t('ledger.coalition.byUnit')}>
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs">
              <caption className="visually-hidden">{t('ledger.coalition.byUnit')}</caption>
              <Table.Thead>
                <Table.Tr>
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
                {mine.byUnit.map((u) => (
                  <Table.Tr key={u.unit}>
                    <Table.Th scope="row">{u.unit}</Table.Th>
                    <Table.Td>{formatNumber(u.needed, locale)}</Table.Td>
                    <Table.Td>{formatNumber(u.pledged, locale)}</Table.Td>
                    <Table.Td>{formatNumber(u.contracted, locale)}</Table.Td>
                    <Table.Td>{formatNumber(u.delivered, locale)}</Table.Td>
                    <Table.Td>{formatNumber(u.gap, locale)}</Table.Td>
                    <Table.Td>{formatPercent(u.coveragePercent, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      ) : null}
      <Section id="coalition-gaps" title={t('ledger.coalition.gaps')}>
        <QueryState query={gaps}>
          {(page) =>
            page.items.length === 0 ? (
              <Text c="dimmed">{t('ledger.coalition.noRequirements')}</Text>
            ) : (
              <Stack gap="xs">
                <RequirementCoverageTable rows={page.items} />
                {page.total > page.items.length ? (
                  <Anchor component={Link} to={`/coverage/requirements?coalitionId=${c.id}`}>
                    {t('ledger.coalition.allGaps', { count: page.total })}
                  </Anchor>
                ) : null}
              </Stack>
            )
          }
        </QueryState>
      </Section>
    </Stack>
  );
}
