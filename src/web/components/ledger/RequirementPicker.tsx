import { Select } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '../../../core/requirements/requirement.schema';
import { useRequirement } from '../../api/ledger';
import { useLocale } from '../use-locale';
import { formatQuantity, itemName } from './format';
import { useRequirementSearch } from './use-requirement-search';

/**
 * Which of the recipient's requirements the pledge meets: the most urgent first, and any of them by
 * words of its item or specification (searched on the server, however many there are). Withdrawn
 * and met requirements are still offered: a pledge may come late.
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
  /** Told once, when it arrives, of the requirement chosen before the picker was shown (from the address). */
  onLoaded?: (requirement: Requirement) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labelOf = (r: Requirement) =>
    `${r.priority}. ${itemName(r)} (${formatQuantity(r.quantity, r.unit, locale)})`;
  const [search, setSearch] = useState('');
  const found = useRequirementSearch(group, search, value, labelOf);

  // A requirement chosen before (the address names it) need not be among the first offered.
  const initial = useRequirement(value ?? '', value !== null && found.chosen === null);
  const told = useRef(false);
  const { keep } = found;
  useEffect(() => {
    if (told.current || !initial.data) return;
    told.current = true;
    keep(initial.data);
    onLoaded?.(initial.data);
  }, [initial.data, keep, onLoaded]);

  return (
    <Select
      label={t('ledger.pledgeForm.requirement')}
      description={t('ledger.pledgeForm.requirementHint')}
      placeholder={t('ledger.pledgeForm.noRequirement')}
      data={found.items.map((r) => ({ value: r.id, label: labelOf(r) }))}
      value={value}
      onChange={(id) => onChange(found.choose(id))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has matched the words already (in the specification too, which the label holds).
      filter={({ options }) => options}
      clearable
      nothingFoundMessage={
        found.loading ? t('common.loading') : t('ledger.pledgeForm.noRequirementFound')
      }
      error={error}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('ledger.pledgeForm.clearRequirement') }}
    />
  );
}
