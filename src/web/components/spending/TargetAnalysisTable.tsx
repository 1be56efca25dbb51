import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NationSpending } from '../../../core/spending/spending.schema';
import { useLocale } from '../use-locale';
import { EstimateFlag, Points } from './FigureValue';
import { formatBillions, formatDecimal, formatRounded } from './format';

/**
 * Every target that applies to the nation: where it stands, the gap in points and in money, and the
 * growth it would take by the deadline. A target on another measure says so rather than a gap.
 */
export function TargetAnalysisTable({ spending }: { spending: NationSpending }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pct = (value: string) => t('spending.pct', { value: formatDecimal(value, locale) });
  const rate = (value: number) =>
    t('spending.perYear', { value: formatRounded(value, locale, 2, true) });
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs" striped data-testid="target-analysis">
        <caption className="visually-hidden">{t('spending.nation.targetsTitle')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('spending.col.target')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.level')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.deadline')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.status')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.latest')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.gap')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.gapEur')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.gapUsd')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.growthNeeded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {spending.targets.map((a) => (
            <Table.Tr key={a.target.id} data-testid="target-analysis-row" data-target={a.target.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/spending/targets/${a.target.id}`}>
                  {a.target.description}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`spending.kind.${a.target.kind}`)} · {a.target.announcedBy}
                </Text>
              </Table.Th>
              <Table.Td>{a.target.pctGdp ? pct(a.target.pctGdp) : '—'}</Table.Td>
              <Table.Td>{a.target.deadline ?? t('spending.noDeadline')}</Table.Td>
              <Table.Td>
                {t(`spending.status.${a.status}`)}
                {a.status === 'not_comparable' ? (
                  <Text size="xs" c="dimmed">
                    {a.target.measureDescription}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {a.latest ? (
                  <>
                    {pct(a.latest.pctGdp)}
                    <EstimateFlag estimate={a.latest.estimate} /> ({a.latest.year})
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Points value={a.gapPp} />
              </Table.Td>
              <Table.Td>{a.gapMoney?.eur ? formatBillions(a.gapMoney.eur, locale) : '—'}</Table.Td>
              <Table.Td title={a.gapMoney?.note ?? undefined}>
                {a.gapMoney?.usd ? formatBillions(a.gapMoney.usd, locale) : '—'}
              </Table.Td>
              <Table.Td>
                {a.requiredGrowth ? (
                  <>
                    {t('spending.nation.growthSpending', {
                      rate: rate(a.requiredGrowth.spendingPctPerYear),
                    })}
                    <Text size="xs" c="dimmed">
                      {t('spending.nation.growthShare', {
                        rate: rate(a.requiredGrowth.sharePctPerYear),
                        count: a.requiredGrowth.years,
                      })}
                    </Text>
                    <Anchor
                      component={Link}
                      size="xs"
                      to={`/spending/projection?nation=${spending.nation.code}&target=${a.target.id}`}
                    >
                      {t('spending.nation.project')}
                    </Anchor>
                  </>
                ) : a.deadlinePassed ? (
                  t('spending.nation.deadlinePassed')
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
