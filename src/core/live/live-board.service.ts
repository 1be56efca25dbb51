import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import { AppError, notFound } from '../errors';
import { findMeetingForBoard } from './live-event.repository';

/**
 * Checks that a meeting's board may be followed: by a signed-in user, for a meeting releasable to it
 * (one that is not answers like one that does not exist). What each subscriber then receives is
 * decided event by event by its markings.
 */
export async function openLiveBoard(
  db: Db,
  viewer: Viewer,
  meetingId: string,
): Promise<{ meetingId: string; groupId: string }> {
  if (viewer.userId === null) throw new AppError('unauthenticated', 'Sign in first');
  const meeting = await findMeetingForBoard(db, viewer, meetingId);
  if (!meeting) throw notFound(`Meeting ${meetingId}`);
  return { meetingId: meeting.id, groupId: meeting.group_id };
}
