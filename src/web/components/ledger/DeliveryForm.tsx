import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeDetail } from '../../../core/pledges/pledge.schema';
import { useRecordDelivery } from '../../api/ledger';
import { todayIso } from '../../i18n/format';
import { useLocale } from '../use-locale';
import { formatQuantity, wholeNumber } from './format';
import { FormProblems, useFormErrors } from './FormErrors';

/** Records a delivery against the pledge; the first moves it to delivering, the last to delivered. */
export function DeliveryForm({ pledge }: { pledge: PledgeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const record = useRecordDelivery(pledge.id);
  const form = useRef<HTMLFormElement>(null);
  const left = pledge.quantity === null ? null : pledge.quantity - pledge.deliveredQuantity;
  const [quantity, setQuantity] = useState('');
  const [deliveredOn, setDeliveredOn] = useState(todayIso());
  const [place, setPlace] = useState('');
  const [note, setNote] = useState('');
  const [externalId, setExternalId] = useState('');
  const [recorded, setRecorded] = useState(false);
  const { errors, problems } = useFormErrors(
    record.error,
    ['quantity', 'deliveredOn', 'place', 'note', 'externalId'],
    { form },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRecorded(false);
    record.mutate(
      {
        quantity: wholeNumber(quantity),
        deliveredOn,
        place: place.trim() || undefined,
        note: note.trim() || undefined,
        externalId: externalId.trim() || undefined,
      },
      {
        onSuccess: () => {
          setQuantity('');
          setPlace('');
          setNote('');
          setExternalId('');
          setRecorded(true);
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={t('ledger.deliveries.recordTitle')}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('ledger.deliveries.recordTitle')}
        </Title>
        {left === null ? null : (
          <Text size="sm">
            {t('ledger.deliveries.left', {
              left: formatQuantity(Math.max(0, left), pledge.unit, locale),
            })}
          </Text>
        )}
        <FormProblems problems={problems} />
        {recorded ? (
          <Alert color="green" role="status">
            {t('ledger.deliveries.recorded')}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('ledger.deliveries.quantity')}
            required
            inputMode="numeric"
            value={quantity}
            onChange={(event) => setQuantity(event.currentTarget.value)}
            error={errors.quantity}
          />
          <TextInput
            type="date"
            label={t('ledger.deliveries.date')}
            required
            value={deliveredOn}
            onChange={(event) => setDeliveredOn(event.currentTarget.value)}
            error={errors.deliveredOn}
          />
          <TextInput
            label={t('ledger.deliveries.place')}
            value={place}
            onChange={(event) => setPlace(event.currentTarget.value)}
            error={errors.place}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('ledger.deliveries.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={errors.note}
          />
          <TextInput
            label={t('ledger.deliveries.externalId')}
            description={t('ledger.deliveries.externalIdHint')}
            value={externalId}
            onChange={(event) => setExternalId(event.currentTarget.value)}
            error={errors.externalId}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('ledger.deliveries.record')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
