import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../../api/live';

// White text on each: all at least 4.5:1 (AA) at badge size.
const colors: Record<LiveConnection, string> = {
  connecting: 'gray.7',
  live: '#1e6b34',
  reconnecting: '#8a4b00',
  closed: '#a51d24',
};

/** Whether the board is receiving: a status region, so a dropped stream is announced when it drops. */
export function ConnectionBadge({
  connection,
  size = 'lg',
}: {
  connection: LiveConnection;
  size?: 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  return (
    <span role="status" data-testid="live-connection" data-state={connection}>
      <Badge
        component="span"
        size={size}
        variant="filled"
        color={colors[connection]}
        style={{ textTransform: 'none' }}
      >
        {t(`liveBoard.connection.${connection}`)}
      </Badge>
    </span>
  );
}
