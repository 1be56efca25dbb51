import { Badge, Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Classification, Marking } from '../../core/marking.schema';
import { useLocale } from './use-locale';
import { useNationNames } from './use-nation-names';

/** One colour per classification, each dark enough for white text at AAA contrast (7:1 or more). */
export const MARKING_COLORS: Record<Classification, string> = {
  PUBLIC: '#1b5e2f',
  GROUP: '#1c4a94',
  RESTRICTED: '#9b1c1c',
};

/** The sentence a screen reader hears: the classification explained and REL TO nations by name. */
function useMarkingDescription(marking: Marking): string {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const meaning = t(`marking.meaning.${marking.classification}`);
  if (marking.classification !== 'RESTRICTED' || marking.relTo.length === 0) return meaning;
  const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    marking.relTo.map(nameOf),
  );
  return `${meaning} ${t('marking.releasableTo', { nations: names })}`;
}

/**
 * The marking of a record as a full-width bar, as printed at the top and bottom of a marked paper:
 * the label spelled out, and its meaning and nations read out to screen readers.
 */
export function MarkingBanner({ marking, position }: { marking: Marking; position?: string }) {
  const { t } = useTranslation();
  const description = useMarkingDescription(marking);
  return (
    <Box
      role="note"
      aria-label={position ?? t('marking.label')}
      data-testid="marking-banner"
      data-classification={marking.classification}
      py={6}
      px="md"
      style={{
        background: MARKING_COLORS[marking.classification],
        color: '#fff',
        textAlign: 'center',
        borderRadius: 'var(--mantine-radius-sm)',
        width: '100%',
      }}
    >
      <Text fw={700} size="md" style={{ letterSpacing: '0.08em' }} component="p" m={0}>
        {marking.label}
      </Text>
      <span className="visually-hidden">{description}</span>
    </Box>
  );
}

/** The marking of one row in a table: compact, same colours, same spoken description. */
export function MarkingBadge({ marking }: { marking: Marking }) {
  const description = useMarkingDescription(marking);
  return (
    <Badge
      component="span"
      variant="filled"
      color={MARKING_COLORS[marking.classification]}
      radius="xs"
      data-testid="marking-badge"
      style={{
        flexShrink: 0,
        minWidth: 'max-content',
        letterSpacing: '0.04em',
        textTransform: 'none',
      }}
      title={description}
    >
      {marking.label}
      <span className="visually-hidden"> ({description})</span>
    </Badge>
  );
}
