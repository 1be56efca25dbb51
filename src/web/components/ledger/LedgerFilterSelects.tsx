import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pledgeStatusSchema } from '../../../core/pledges/pledge.schema';
import { requirementStatusSchema } from '../../../core/requirements/requirement.schema';
import { useCapabilityAreas } from '../../api/ledger';
import { DEFAULT_GROUP } from '../../api/queries';

/** The filters the ledger's lists share: one capability area, or one status; '' means any. */

interface FilterSelectProps {
  value: string | undefined;
  onChange: (value: string) => void;
  w?: number;
}

/** The group's capability areas by slug. */
export function AreaFilter({ value, onChange, w }: FilterSelectProps) {
  const { t } = useTranslation();
  const areas = useCapabilityAreas(DEFAULT_GROUP);
  return (
    <NativeSelect
      label={t('ledger.filter.area')}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[
        { value: '', label: t('ledger.filter.anyArea') },
        ...(areas.data ?? []).map((a) => ({ value: a.slug, label: a.name })),
      ]}
      w={w}
    />
  );
}

const statuses = {
  requirement: { options: requirementStatusSchema.options, labels: 'ledger.requirementStatus' },
  pledge: { options: pledgeStatusSchema.options, labels: 'ledger.pledgeStatus' },
} as const;

/** A requirement's or a pledge's status. */
export function StatusFilter({
  of,
  value,
  onChange,
  w,
}: FilterSelectProps & { of: keyof typeof statuses }) {
  const { t } = useTranslation();
  const { options, labels } = statuses[of];
  return (
    <NativeSelect
      label={t('ledger.filter.status')}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[
        { value: '', label: t('ledger.filter.anyStatus') },
        ...options.map((s) => ({ value: s, label: t(`${labels}.${s}`) })),
      ]}
      w={w}
    />
  );
}
