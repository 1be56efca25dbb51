import { Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Classification, classificationSchema, markingLabel } from '../../core/marking.schema';
import { useNations } from '../api/queries';
import { MARKING_COLORS } from './MarkingBanner';
import { RadioChoice } from './RadioChoice';
import { useNationNames } from './use-nation-names';

export interface MarkingValue {
  classification: Classification;
  relTo: string[];
}

interface MarkingPickerProps {
  value: MarkingValue;
  onChange: (value: MarkingValue) => void;
  /** The originating nation, always releasable and so not offered in REL TO. */
  originNation: string;
  group: string;
  errors?: { classification?: string; relTo?: string };
}

/** The server's messages for a form's `marking` field; one on the marking as a whole shows under REL TO. */
export function markingErrors(errors: Record<string, string>): MarkingPickerProps['errors'] {
  return {
    classification: errors['marking.classification'],
    relTo: errors['marking.relTo'] ?? errors.marking,
  };
}

/** Classification radio, and for RESTRICTED the REL TO nations among the group's participants. */
export function MarkingPicker({
  value,
  onChange,
  originNation,
  group,
  errors = {},
}: MarkingPickerProps) {
  const { t } = useTranslation();
  const { nameOf } = useNationNames();
  const participants = useNations({ group, limit: 500 });
  const options = (participants.data?.items ?? [])
    .filter((n) => n.code !== originNation)
    .map((n) => ({ value: n.code, label: `${nameOf(n.code)} (${n.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const relTo = [...new Set([originNation, ...value.relTo])].sort();

  return (
    <Stack gap="sm">
      <RadioChoice
        label={t('marking.classification')}
        description={t('marking.classificationHint')}
        required
        value={value.classification}
        error={errors.classification}
        onChange={(next) =>
          // REL TO belongs to RESTRICTED only; the API refuses it with any other classification.
          onChange({ classification: next, relTo: next === 'RESTRICTED' ? value.relTo : [] })
        }
        options={classificationSchema.options.map((c) => ({
          value: c,
          description: t(`marking.meaning.${c}`),
          label: (
            <Group gap={8} wrap="nowrap" component="span">
              <span
                aria-hidden
                style={{
                  display: 'inline-block',
                  width: 12,
                  height: 12,
                  borderRadius: 2,
                  background: MARKING_COLORS[c],
                }}
              />
              <span>{t(`marking.name.${c}`)}</span>
            </Group>
          ),
        }))}
      />
      {value.classification === 'RESTRICTED' ? (
        <Stack gap={4}>
          <MultiSelect
            label={t('marking.relTo')}
            description={t('marking.relToHint', { nation: nameOf(originNation) })}
            data={options}
            value={value.relTo}
            onChange={(next) => onChange({ classification: 'RESTRICTED', relTo: next })}
            searchable
            clearable
            nothingFoundMessage={t('marking.noNation')}
            error={errors.relTo}
            placeholder={value.relTo.length === 0 ? t('marking.relToPlaceholder') : undefined}
            comboboxProps={{ withinPortal: true }}
          />
        </Stack>
      ) : null}
      <Text size="sm" data-testid="marking-preview">
        {t('marking.preview')}{' '}
        <Text span fw={700}>
          {markingLabel(value.classification, relTo)}
        </Text>
      </Text>
    </Stack>
  );
}
