import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SpendingTarget } from '../../../core/spending/spending.schema';
import { useSpendingReleases, useSpendingTargets } from '../../api/spending';
import { useLocale } from '../use-locale';
import { formatDecimal } from './format';

export type MetFilter = 'all' | 'met' | 'notMet';
export const isMetFilter = (value: string | null): value is MetFilter =>
  value === 'all' || value === 'met' || value === 'notMet';

/** Targets the league can hold every ally against: comparable with the figures, with a level. */
export const leagueTargets = (targets: readonly SpendingTarget[]) =>
  targets.filter((t) => t.comparable && t.pctGdp !== null && t.kind !== 'national');

interface LeagueFiltersProps {
  year: number;
  target: string;
  show: MetFilter;
  onYear: (year: number) => void;
  onTarget: (target: string) => void;
  onShow: (show: MetFilter) => void;
}

/** Year, target and who to show: plain selects, so keyboards and screen readers need nothing more. */
export function LeagueFilters({
  year,
  target,
  show,
  onYear,
  onTarget,
  onShow,
}: LeagueFiltersProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const releases = useSpendingReleases();
  const targets = useSpendingTargets();
  const first = Math.min(2014, ...(releases.data ?? []).map((r) => r.firstYear));
  const last = Math.max(year, ...(releases.data ?? []).map((r) => r.lastYear));
  const years = Array.from({ length: last - first + 1 }, (_, i) => String(last - i));
  const options = leagueTargets(targets.data ?? []).map((item) => ({
    value: item.id,
    label: `${t('spending.pct', { value: formatDecimal(item.pctGdp ?? '', locale) })} · ${item.description}`,
  }));
  if (!options.some((o) => o.value === target)) options.unshift({ value: target, label: target });
  return (
    <Group align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('spending.filter.year')}
        value={String(year)}
        data={years}
        onChange={(e) => onYear(Number(e.currentTarget.value))}
      />
      <NativeSelect
        label={t('spending.filter.target')}
        value={target}
        data={options}
        onChange={(e) => onTarget(e.currentTarget.value)}
        style={{ flex: 1, minWidth: 280, maxWidth: 640 }}
      />
      <NativeSelect
        label={t('spending.filter.show')}
        value={show}
        data={(['all', 'met', 'notMet'] as const).map((value) => ({
          value,
          label: t(`spending.filter.${value}`),
        }))}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isMetFilter(value)) onShow(value);
        }}
      />
    </Group>
  );
}
