import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../core/pledges/pledge.schema';
import { useCoalitions } from '../../api/ledger';
import { useNations } from '../../api/queries';
import { RadioChoice } from '../RadioChoice';
import { useLocale } from '../use-locale';
import { useNationNames } from '../use-nation-names';

type Kind = ChannelInput['kind'];
const KINDS: readonly Kind[] = ['direct', 'nation', 'coalition', 'fund'];

/** The channel being edited: its kind and the one detail that kind needs. */
export interface ChannelValue {
  kind: Kind;
  nation: string;
  coalitionId: string;
  name: string;
}

export const toChannelInput = (value: ChannelValue): ChannelInput => {
  switch (value.kind) {
    case 'direct':
      return { kind: 'direct' };
    case 'nation':
      return { kind: 'nation', nation: value.nation };
    case 'coalition':
      return { kind: 'coalition', coalitionId: value.coalitionId };
    case 'fund':
      return { kind: 'fund', name: value.name };
  }
};

/**
 * How the pledge reaches the recipient: directly, through another nation, a capability coalition or a
 * fund. The donor still funds it, and every total counts it for the donor.
 */
export function ChannelFields({
  group,
  value,
  onChange,
  errors,
}: {
  group: string;
  value: ChannelValue;
  onChange: (value: ChannelValue) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const nations = useNations({ group, limit: 500 });
  const coalitions = useCoalitions(group);
  return (
    <Stack gap="sm">
      <RadioChoice
        label={t('ledger.pledgeForm.channel')}
        description={t('ledger.pledgeForm.channelHint')}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
        error={errors['channel.kind'] ?? errors.channel}
        options={KINDS.map((k) => ({
          value: k,
          label: t(`ledger.channel.kind.${k}`),
          description: t(`ledger.channel.hint.${k}`),
        }))}
      />
      {value.kind === 'nation' ? (
        <NativeSelect
          label={t('ledger.pledgeForm.channelNation')}
          required
          value={value.nation}
          onChange={(event) => onChange({ ...value, nation: event.currentTarget.value })}
          error={errors['channel.nation']}
          data={[
            { value: '', label: t('ledger.pledgeForm.chooseNation') },
            ...(nations.data?.items ?? [])
              .map((n) => ({ value: n.code, label: `${nameOf(n.code)} (${n.code})` }))
              .sort((a, b) => a.label.localeCompare(b.label, locale)),
          ]}
        />
      ) : null}
      {value.kind === 'coalition' ? (
        <NativeSelect
          label={t('ledger.pledgeForm.channelCoalition')}
          required
          value={value.coalitionId}
          onChange={(event) => onChange({ ...value, coalitionId: event.currentTarget.value })}
          error={errors['channel.coalitionId']}
          data={[
            { value: '', label: t('ledger.pledgeForm.chooseCoalition') },
            ...(coalitions.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
      ) : null}
      {value.kind === 'fund' ? (
        <TextInput
          label={t('ledger.pledgeForm.channelFund')}
          description={t('ledger.pledgeForm.channelFundHint')}
          required
          value={value.name}
          onChange={(event) => onChange({ ...value, name: event.currentTarget.value })}
          error={errors['channel.name']}
        />
      ) : null}
    </Stack>
  );
}
