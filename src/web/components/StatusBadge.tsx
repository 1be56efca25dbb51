import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '../../core/meetings/meeting.schema';

const colors: Record<MeetingStatus, string> = {
  planned: 'blue.8',
  held: '#1e6b34',
  cancelled: 'gray.7',
};

/** A meeting's status as a coloured badge with a translated label. */
export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      component="span"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      variant="filled"
      color={colors[status]}
    >
      {t(`meeting.status.${status}`)}
    </Badge>
  );
}
