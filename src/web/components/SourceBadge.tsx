import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../core/common.schema';

// Dark enough for white text at badge size (WCAG AA 4.5:1); medium uses dark text on amber.
const confidenceColor = { high: '#1e6b34', medium: 'yellow.4', uncertain: '#a51d24' } as const;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

interface SourceBadgeProps {
  source: Source;
  /** Compact shows the site name as the link text (tables); full shows the title (detail pages). */
  compact?: boolean;
}

/** Where a figure comes from and how far to trust it: a link to the source and a confidence badge. */
export function SourceBadge({ source, compact = false }: SourceBadgeProps) {
  const { t } = useTranslation();
  const { url, title, confidence } = source;
  return (
    <Group gap="xs" wrap={compact ? 'nowrap' : 'wrap'} component="span">
      {url ? (
        <Anchor
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          title={title ?? undefined}
          size="sm"
        >
          {compact ? hostOf(url) : (title ?? hostOf(url))}
          <span className="visually-hidden"> {t('source.opensInNewTab')}</span>
        </Anchor>
      ) : (
        <Text span size="sm">
          {t('source.none')}
        </Text>
      )}
      {confidence ? (
        <Badge
          component="span"
          style={{ flexShrink: 0, minWidth: 'max-content' }}
          size="sm"
          variant="filled"
          color={confidenceColor[confidence]}
        >
          {t(`source.confidence.${confidence}`)}
        </Badge>
      ) : null}
    </Group>
  );
}
