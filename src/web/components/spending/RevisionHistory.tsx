import { Badge, Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpendingFigure } from '../../../core/spending/spending.schema';
import { SourceBadge } from '../SourceBadge';
import { useLocale } from '../use-locale';
import { EstimateFlag } from './FigureValue';
import { formatDecimal } from './format';

/**
 * Every release's figure of the nation, newest year first and, within a year, newest release first:
 * NATO revises past years in each release, and this shows by how much.
 */
export function RevisionHistory({ figures }: { figures: readonly SpendingFigure[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sorted = useMemo(
    () =>
      [...figures].sort(
        (a, b) =>
          b.year - a.year ||
          b.release.date.localeCompare(a.release.date) ||
          b.release.name.localeCompare(a.release.name),
      ),
    [figures],
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" data-testid="revision-history">
        <caption className="visually-hidden">{t('spending.history.title')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('spending.col.year')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.release')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.share')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.usdMillion')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.estimate')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.notes')}</Table.Th>
            <Table.Th scope="col">{t('spending.col.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((f) => (
            <Table.Tr key={f.id} data-testid="revision-row" data-current={f.current}>
              <Table.Th scope="row">{f.year}</Table.Th>
              <Table.Td fz="sm" miw={240}>
                {f.release.name}{' '}
                {f.current ? (
                  <Badge component="span" size="sm" color="blue.9">
                    {t('spending.history.current')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                {f.pctGdp ? (
                  <>
                    {t('spending.pct', { value: formatDecimal(f.pctGdp, locale) })}
                    <EstimateFlag estimate={f.estimate} />
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{f.usdMillion ? formatDecimal(f.usdMillion, locale) : '—'}</Table.Td>
              <Table.Td>{f.estimate ? t('spending.estimate') : t('spending.final')}</Table.Td>
              <Table.Td fz="xs">{f.notes ?? ''}</Table.Td>
              <Table.Td>
                <SourceBadge source={f.source} compact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
