import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pledge } from '../../../core/pledges/pledge.schema';
import { formatDate } from '../../i18n/format';
import { MarkingBadge } from '../MarkingBanner';
import { useLocale } from '../use-locale';
import { useNationNames } from '../use-nation-names';
import { formatMoney, formatQuantity } from './format';
import { PledgeStatusBadge } from './StatusBadges';

/** A short, plain table of pledges (those against one requirement): donor, amounts, status. */
export function PledgeList({ pledges, caption }: { pledges: readonly Pledge[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" data-testid="pledge-list">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('ledger.pledges.col.donor')}</Table.Th>
            <Table.Th scope="col">{t('ledger.pledges.col.item')}</Table.Th>
            <Table.Th scope="col">{t('ledger.pledges.col.quantity')}</Table.Th>
            <Table.Th scope="col">{t('ledger.pledges.col.delivered')}</Table.Th>
            <Table.Th scope="col">{t('ledger.pledges.col.value')}</Table.Th>
            <Table.Th scope="col">{t('ledger.pledges.col.status')}</Table.Th>
            <Table.Th scope="col">{t('ledger.pledges.col.announced')}</Table.Th>
            <Table.Th scope="col">{t('ledger.pledges.col.marking')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pledges.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                {nameOf(p.donor)} ({p.donor})
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/pledges/${p.id}`} fw={600}>
                  {p.item}
                </Anchor>
                {p.specification ? (
                  <Text size="sm" c="dimmed">
                    {p.specification}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatQuantity(p.quantity, p.unit, locale)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatQuantity(p.deliveredQuantity, p.unit, locale)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {p.value ? formatMoney(p.value, locale) : '—'}
              </Table.Td>
              <Table.Td>
                <PledgeStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(p.announcedOn, locale, 'medium')}
              </Table.Td>
              <Table.Td>
                <MarkingBadge marking={p.marking} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
