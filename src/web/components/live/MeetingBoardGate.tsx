import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Group as ContactGroup } from '../../../core/groups/group.schema';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import { DEFAULT_GROUP, useGroup, useMeeting } from '../../api/queries';
import { NotFound } from '../NotFound';
import { QueryState } from '../QueryState';
import { RequireSession } from '../RequireSession';

/**
 * The meeting named by `:number` and its group, for a signed-in user (the stream needs a session):
 * what both board views stand on. An unknown number, or one not releasable to you, is not found.
 */
export function MeetingBoardGate({
  children,
}: {
  children: (meeting: Meeting, group: ContactGroup) => ReactNode;
}) {
  const { t } = useTranslation();
  const { number: raw = '' } = useParams();
  const number = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const meeting = useMeeting(DEFAULT_GROUP, number);
  const group = useGroup(DEFAULT_GROUP);
  const notFound = (
    <NotFound
      title={t('meeting.notFoundTitle')}
      message={t('meeting.notFound', { number: raw })}
      back={{ to: '/meetings', label: t('meeting.backToList') }}
    />
  );
  if (!Number.isInteger(number) || number < 1) return notFound;
  return (
    <RequireSession>
      {() => (
        <QueryState query={meeting} notFound={notFound}>
          {(m) => <QueryState query={group}>{(g) => children(m, g)}</QueryState>}
        </QueryState>
      )}
    </RequireSession>
  );
}
