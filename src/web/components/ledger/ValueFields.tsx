import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioChoice } from '../RadioChoice';

export interface ValueInput {
  /** Decimal text as typed; empty for a pledge without a value. */
  amount: string;
  currency: string;
  valuationDate: string;
  method: 'reported' | 'estimated';
}

/**
 * A pledge's value: an amount in any ISO 4217 currency, the day it holds, and whether it was reported
 * or estimated. The server checks the decimals against the currency and converts with the day's rate.
 */
export function ValueFields({
  value,
  onChange,
  errors,
}: {
  value: ValueInput;
  onChange: (value: ValueInput) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const currencies = useMemo(() => Intl.supportedValuesOf('currency'), []);
  const set = (patch: Partial<ValueInput>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('ledger.pledgeForm.amount')}
          description={t('ledger.pledgeForm.amountHint')}
          inputMode="decimal"
          value={value.amount}
          onChange={(event) => set({ amount: event.currentTarget.value })}
          error={errors['value.amount'] ?? errors.value}
        />
        <Select
          label={t('ledger.pledgeForm.currency')}
          description={t('ledger.pledgeForm.currencyHint')}
          data={currencies}
          value={value.currency}
          onChange={(next) => {
            if (next) set({ currency: next });
          }}
          searchable
          allowDeselect={false}
          error={errors['value.currency']}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          type="date"
          label={t('ledger.pledgeForm.valuationDate')}
          description={t('ledger.pledgeForm.valuationDateHint')}
          value={value.valuationDate}
          onChange={(event) => set({ valuationDate: event.currentTarget.value })}
          error={errors.valuationDate}
        />
      </SimpleGrid>
      <RadioChoice
        label={t('ledger.pledgeForm.valuation')}
        value={value.method}
        onChange={(method) => set({ method })}
        error={errors.valuationMethod}
        options={(['reported', 'estimated'] as const).map((m) => ({
          value: m,
          label: t(`ledger.valuation.${m}`),
        }))}
      />
    </Stack>
  );
}
