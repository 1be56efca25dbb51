import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../../../core/meetings/meeting.schema';

/**
 * The way from a meeting's page to its live board. Any meeting's board can be followed (it replays
 * what was recorded at it); the button stands out while the meeting is open.
 */
export function MeetingBoardLink({ meeting }: { meeting: Pick<Meeting, 'number' | 'phase'> }) {
  const { t } = useTranslation();
  if (meeting.number === null) return null;
  return (
    <Button
      component={Link}
      to={`/meetings/${meeting.number}/board`}
      variant={meeting.phase === 'open' ? 'filled' : 'light'}
      color={meeting.phase === 'open' ? '#1e6b34' : 'blue.9'}
      size="xs"
    >
      {t('liveBoard.link')}
    </Button>
  );
}
