import { Select } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '../../../core/requirements/requirement.schema';
import { useRequirements } from '../../api/ledger';
import { useLocale } from '../use-locale';
import { formatQuantity } from './format';

/**
 * Which of the recipient's requirements the pledge meets, searchable by words of the item, in
 * priority order. Withdrawn and met requirements are still offered: a pledge may come late.
 */
export function RequirementPicker({
  group,
  value,
  onChange,
  onLoaded,
  error,
}: {
  group: string;
  value: string | null;
  onChange: (requirement: Requirement | null) => void;
  /** Told once, when the list arrives, of the requirement chosen before it did (from the address). */
  onLoaded?: (requirement: Requirement) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const requirements = useRequirements(group, { limit: 500 });
  const items = requirements.data?.items ?? [];
  const told = useRef(false);
  useEffect(() => {
    if (told.current || !requirements.data) return;
    told.current = true;
    const chosen = requirements.data.items.find((r) => r.id === value);
    if (chosen) onLoaded?.(chosen);
  }, [requirements.data, value, onLoaded]);
  const data = items.map((r) => ({
    value: r.id,
    label: `${r.priority}. ${r.item}${r.specification ? ` — ${r.specification}` : ''} (${formatQuantity(r.quantity, r.unit, locale)})`,
  }));
  return (
    <Select
      label={t('ledger.pledgeForm.requirement')}
      description={t('ledger.pledgeForm.requirementHint')}
      placeholder={t('ledger.pledgeForm.noRequirement')}
      data={data}
      value={value}
      onChange={(id) => onChange(items.find((r) => r.id === id) ?? null)}
      searchable
      clearable
      nothingFoundMessage={t('ledger.pledgeForm.noRequirementFound')}
      error={error}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('ledger.pledgeForm.clearRequirement') }}
    />
  );
}
