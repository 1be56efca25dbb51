import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectionQuery } from '../../api/spending';
import { useSpendingLeague, useSpendingTargets } from '../../api/spending';
import { nationName } from '../../i18n/format';
import { useLocale } from '../use-locale';
import { formatDecimal } from './format';

export type Assumptions = Required<Omit<ProjectionQuery, 'nation' | 'target'>> & {
  nation: string;
  target: string;
};

interface ProjectionFormProps {
  value: Assumptions;
  /** The server's messages per field (`gdpGrowth` → 'Too big…'), shown at each input. */
  errors: Record<string, string>;
  /** What the empty spending growth stands for: the nation's trend as the server worked it out. */
  trendHint: string | null;
  onSubmit: (value: Assumptions) => void;
}

const NUMBER_FIELDS = ['gdpGrowth', 'spendingGrowth', 'band', 'to'] as const;

/**
 * The scenario's assumptions. Numbers are typed as text and sent as typed: the API owns the ranges
 * and names the field it refuses, and the message lands at that field, which takes the focus.
 */
export function ProjectionForm({ value, errors, trendHint, onSubmit }: ProjectionFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState(value);
  const league = useSpendingLeague({});
  const targets = useSpendingTargets(draft.nation ? { nation: draft.nation } : {});
  const inputs = useRef<Partial<Record<(typeof NUMBER_FIELDS)[number], HTMLInputElement>>>({});

  // A new URL (back, a link) replaces what the form shows.
  useEffect(() => setDraft(value), [value]);
  const firstError = NUMBER_FIELDS.find((field) => errors[field]);
  useEffect(() => {
    if (firstError) inputs.current[firstError]?.focus();
  }, [firstError, errors]);

  const nations = (league.data?.rows ?? [])
    .map((row) => ({ value: row.nation.code, label: nationName(row.nation, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  if (draft.nation && !nations.some((n) => n.value === draft.nation)) {
    nations.unshift({ value: draft.nation, label: draft.nation });
  }
  const targetOptions = [
    { value: '', label: t('spending.projection.noTarget') },
    ...(targets.data ?? [])
      .filter((item) => item.comparable && item.pctGdp !== null)
      .map((item) => ({
        value: item.id,
        label: `${t('spending.pct', { value: formatDecimal(item.pctGdp ?? '', locale) })} · ${item.description}`,
      })),
  ];
  if (draft.target && !targetOptions.some((o) => o.value === draft.target)) {
    targetOptions.push({ value: draft.target, label: draft.target });
  }

  const set = (key: keyof Assumptions) => (text: string) =>
    setDraft((d) => ({ ...d, [key]: text }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  const numberField = (
    field: (typeof NUMBER_FIELDS)[number],
    placeholder: string,
    description: string,
  ) => (
    <TextInput
      key={field}
      ref={(node) => {
        if (node) inputs.current[field] = node;
      }}
      label={t(`spending.projection.field.${field}`)}
      description={description}
      placeholder={placeholder}
      inputMode={field === 'to' ? 'numeric' : 'decimal'}
      value={draft[field]}
      onChange={(e) => set(field)(e.currentTarget.value)}
      error={errors[field]}
      w={{ base: '100%', sm: 220 }}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('spending.projection.formLabel')}>
      <Stack gap="sm">
        <Group align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('spending.projection.field.nation')}
            value={draft.nation}
            data={nations.length > 0 ? nations : [{ value: draft.nation, label: draft.nation }]}
            onChange={(e) => setDraft((d) => ({ ...d, nation: e.currentTarget.value, target: '' }))}
            error={errors.nation}
          />
          <NativeSelect
            label={t('spending.projection.field.target')}
            value={draft.target}
            data={targetOptions}
            onChange={(e) => set('target')(e.currentTarget.value)}
            error={errors.target}
            style={{ flex: 1, minWidth: 260, maxWidth: 620 }}
          />
        </Group>
        <Group align="flex-start" wrap="wrap">
          {numberField('gdpGrowth', '1.5', t('spending.projection.hint.gdpGrowth'))}
          {numberField(
            'spendingGrowth',
            '',
            trendHint ?? t('spending.projection.hint.spendingGrowth'),
          )}
          {numberField('band', '1', t('spending.projection.hint.band'))}
          {numberField('to', '', t('spending.projection.hint.to'))}
        </Group>
        <Group>
          <Button type="submit">{t('spending.projection.apply')}</Button>
          <Button
            variant="default"
            onClick={() =>
              onSubmit({
                ...draft,
                gdpGrowth: '',
                spendingGrowth: '',
                band: '',
                to: '',
              })
            }
          >
            {t('spending.projection.reset')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
