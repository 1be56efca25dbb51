import { Alert, Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PledgeDetail } from '../../../core/pledges/pledge.schema';
import { ApiError } from '../../api/client';
import { useConfirmDelivery } from '../../api/ledger';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLocale } from '../use-locale';
import { formatQuantity } from './format';

/** What arrived, and whether the recipient has confirmed it; its planners confirm here. */
export function DeliveriesTable({
  pledge,
  mayConfirm,
}: {
  pledge: PledgeDetail;
  mayConfirm: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const confirm = useConfirmDelivery();
  if (pledge.deliveries.length === 0) {
    return <Text c="dimmed">{t('ledger.deliveries.none')}</Text>;
  }
  return (
    <>
      {confirm.error ? (
        <Alert color="red" role="alert" mb="sm">
          {confirm.error instanceof ApiError ? confirm.error.body.message : t('errors.unexpected')}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" data-testid="deliveries-table">
          <caption className="visually-hidden">{t('ledger.deliveries.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ledger.deliveries.date')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('ledger.deliveries.quantity')}
              </Table.Th>
              <Table.Th scope="col">{t('ledger.deliveries.place')}</Table.Th>
              <Table.Th scope="col">{t('ledger.deliveries.recordedBy')}</Table.Th>
              <Table.Th scope="col">{t('ledger.deliveries.confirmation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...pledge.deliveries]
              .sort((a, b) => a.deliveredOn.localeCompare(b.deliveredOn))
              .map((d) => (
                <Table.Tr key={d.id} data-testid="delivery-row">
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(d.deliveredOn, locale, 'medium')}
                  </Table.Th>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatQuantity(d.quantity, pledge.unit, locale)}
                  </Table.Td>
                  <Table.Td>
                    {d.place ?? '—'}
                    {d.note ? (
                      <Text size="xs" c="dimmed">
                        {d.note}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.recordedBy}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.recordedAt, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {d.confirmed ? (
                      <>
                        <Badge component="span" variant="filled" color="#1e6b34">
                          {t('ledger.deliveries.confirmed')}
                        </Badge>
                        {d.confirmedBy && d.confirmedAt ? (
                          <Text size="xs" c="dimmed">
                            {t('ledger.deliveries.confirmedBy', {
                              by: d.confirmedBy,
                              when: formatDateTime(d.confirmedAt, locale),
                            })}
                          </Text>
                        ) : null}
                      </>
                    ) : mayConfirm ? (
                      <Button
                        size="xs"
                        loading={confirm.isPending && confirm.variables === d.id}
                        onClick={() => confirm.mutate(d.id)}
                        aria-label={t('ledger.deliveries.confirmOne', {
                          quantity: formatQuantity(d.quantity, pledge.unit, locale),
                          date: formatDate(d.deliveredOn, locale, 'medium'),
                        })}
                      >
                        {t('ledger.deliveries.confirm')}
                      </Button>
                    ) : (
                      <Badge component="span" variant="outline" color="gray.8">
                        {t('ledger.deliveries.unconfirmed')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
