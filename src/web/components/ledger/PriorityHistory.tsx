import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePriorityHistory } from '../../api/ledger';
import { formatDateTime } from '../../i18n/format';
import { QueryState } from '../QueryState';
import { useLocale } from '../use-locale';

/** Every rank a requirement has held, newest first, with who moved it and why. */
export function PriorityHistory({ requirementId }: { requirementId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = usePriorityHistory(requirementId);
  return (
    <QueryState query={history}>
      {(changes) =>
        changes.length === 0 ? (
          <Text c="dimmed">{t('ledger.history.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" data-testid="priority-history">
              <caption className="visually-hidden">{t('ledger.history.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('ledger.history.when')}</Table.Th>
                  <Table.Th scope="col">{t('ledger.history.change')}</Table.Th>
                  <Table.Th scope="col">{t('ledger.history.reason')}</Table.Th>
                  <Table.Th scope="col">{t('ledger.history.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...changes]
                  .sort((a, b) => b.changedAt.localeCompare(a.changedAt))
                  .map((c, index) => (
                    <Table.Tr key={`${c.changedAt}-${index}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(c.changedAt, locale)}
                      </Table.Td>
                      <Table.Td>
                        {c.fromPriority === null
                          ? t('ledger.history.published', { to: c.toPriority })
                          : t('ledger.history.moved', { from: c.fromPriority, to: c.toPriority })}
                      </Table.Td>
                      <Table.Td>{c.reason ?? '—'}</Table.Td>
                      <Table.Td>{c.changedBy}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </QueryState>
  );
}
