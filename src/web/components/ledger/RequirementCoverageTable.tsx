import { Anchor, Badge, Group, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequirementCoverage } from '../../../core/coverage/coverage.schema';
import { formatDate } from '../../i18n/format';
import { MarkingBadge } from '../MarkingBanner';
import { useLocale } from '../use-locale';
import { CHART_COLORS } from './EChart';
import { formatNumber, formatPercent } from './format';
import { RequirementStatusBadge } from './StatusBadges';

/** Each requirement with what is pledged, contracted and delivered against it, and the gap. */
export function RequirementCoverageTable({ rows }: { rows: readonly RequirementCoverage[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table verticalSpacing="xs" striped data-testid="requirement-coverage-table">
        <caption className="visually-hidden">{t('ledger.gaps.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('ledger.requirements.col.priority')}</Table.Th>
            <Table.Th scope="col">{t('ledger.requirements.col.item')}</Table.Th>
            <Table.Th scope="col">{t('ledger.coverage.area')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('ledger.coverage.needed')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('ledger.coverage.pledged')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('ledger.coverage.contracted')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('ledger.coverage.delivered')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('ledger.coverage.gap')}
            </Table.Th>
            <Table.Th scope="col">{t('ledger.coverage.coverage')}</Table.Th>
            <Table.Th scope="col">{t('ledger.requirements.col.neededBy')}</Table.Th>
            <Table.Th scope="col">{t('ledger.requirements.col.marking')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const r = row.requirement;
            return (
              <Table.Tr key={r.id} data-testid="coverage-row">
                <Table.Td fw={700}>{r.priority}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/requirements/${r.id}`} fw={600}>
                    {r.item}
                  </Anchor>
                  <Group gap={6} mt={2}>
                    {r.specification ? (
                      <Text size="xs" c="dimmed">
                        {r.specification}
                      </Text>
                    ) : null}
                    <RequirementStatusBadge status={r.status} />
                  </Group>
                </Table.Td>
                <Table.Td>{r.capabilityArea.name}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {n(row.needed)} {r.unit}
                </Table.Td>
                <Table.Td ta="right">{n(row.pledged)}</Table.Td>
                <Table.Td ta="right">{n(row.contracted)}</Table.Td>
                <Table.Td ta="right">{n(row.delivered)}</Table.Td>
                <Table.Td ta="right" fw={600} c={row.gap > 0 ? 'red.9' : undefined}>
                  {n(row.gap)}
                </Table.Td>
                <Table.Td miw={150}>
                  <Progress.Root size="lg" aria-hidden>
                    <Progress.Section value={row.deliveredPercent} color={CHART_COLORS.delivered} />
                    <Progress.Section
                      value={Math.max(0, row.coveragePercent - row.deliveredPercent)}
                      color={CHART_COLORS.pledged}
                    />
                  </Progress.Root>
                  <Text size="xs">
                    {t('ledger.gaps.coverageText', {
                      pledged: formatPercent(row.coveragePercent, locale),
                      delivered: formatPercent(row.deliveredPercent, locale),
                    })}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.neededBy ? formatDate(r.neededBy, locale, 'medium') : '—'}
                  {row.overdue ? (
                    <Badge component="span" color="red.9" variant="filled" ml={6}>
                      {t('ledger.gaps.overdue')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <MarkingBadge marking={r.marking} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
