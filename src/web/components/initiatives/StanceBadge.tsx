import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stance } from '../../../core/initiatives/initiative.schema';

// White text on each, at least 4.5:1; the word is always written, never the colour alone.
const colors: Record<Stance, string> = {
  supports: '#1e6b34',
  conditionally_supports: '#8a4b00',
  opposes: '#a51d24',
  no_position: 'gray.7',
};

export function StanceBadge({ stance }: { stance: Stance }) {
  const { t } = useTranslation();
  return (
    <Badge
      component="span"
      variant="filled"
      color={colors[stance]}
      style={{ textTransform: 'none', flexShrink: 0 }}
      data-stance={stance}
    >
      {t(`initiatives.stance.${stance}`)}
    </Badge>
  );
}
