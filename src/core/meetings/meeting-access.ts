import {
  anonymousViewer,
  canWrite,
  hasRole,
  isSecretariatOf,
  type Viewer,
} from '../accounts/viewer';
import type { MarkingColumns } from '../db/tables/markings';
import { AppError } from '../errors';
import { isReleasableTo } from '../markings';

/**
 * Who may do what in the meeting cycle. The chair secretariat (the secretariat role of the nation that
 * chairs or co-chairs the group today) runs the meeting; a nation's delegation (any of its users but an
 * admin-only account) answers the invitation and checks itself in. Services call these first.
 */

export type Writer = Viewer & { userId: string; nationCode: string };

export function requireSignedInWriter(viewer: Viewer): asserts viewer is Writer {
  if (viewer.userId === null || viewer.nationCode === null)
    throw new AppError('unauthenticated', 'Sign in first');
  if (!canWrite(viewer)) throw new AppError('forbidden', 'This token is read-only');
}

/** The chair secretariat of the group, today. */
export function requireSecretariat(
  viewer: Viewer,
  group: { id: string; short_name: string },
  action: string,
): asserts viewer is Writer {
  requireSignedInWriter(viewer);
  if (!isSecretariatOf(viewer, group.id)) {
    throw new AppError(
      'forbidden',
      `Only the secretariat of the nation chairing ${group.short_name} today may ${action}`,
    );
  }
}

/** A delegation acts for its own nation; the chair secretariat may act for any (an answer by e-mail). */
export function requireDelegationOf(
  viewer: Viewer,
  group: { id: string; short_name: string },
  nation: string,
  path: string,
): asserts viewer is Writer {
  requireSignedInWriter(viewer);
  if (isSecretariatOf(viewer, group.id)) return;
  if (viewer.nationCode !== nation) {
    throw new AppError('forbidden', `Only ${nation}'s delegation (or the chair secretariat) may`, [
      { path, message: `is not your nation (${viewer.nationCode})` },
    ]);
  }
  if (!viewer.roles.some((role) => role !== 'admin')) {
    throw new AppError('forbidden', 'A platform admin account does not act for a delegation');
  }
}

/** The secretariat, or the coordinators of the nation that owns an action item. */
export function requireActionItemEditor(
  viewer: Viewer,
  group: { id: string; short_name: string },
  owner: string,
): asserts viewer is Writer {
  requireSignedInWriter(viewer);
  if (isSecretariatOf(viewer, group.id)) return;
  if (viewer.nationCode !== owner || !hasRole(viewer, 'coordinator')) {
    throw new AppError(
      'forbidden',
      `Only the chair secretariat or ${owner}'s coordinators may update this action item`,
    );
  }
}

/**
 * Whether a record with this marking may be read by a nation, given whether the nation is a member or
 * the recipient of the record's group today: the same rule as `releasableTo`, asked for a nation.
 */
export function releasableToNation(
  marking: MarkingColumns,
  nation: string,
  takesPartInGroup: boolean,
): boolean {
  return isReleasableTo(
    {
      ...anonymousViewer,
      nationCode: nation,
      groupIds: takesPartInGroup && marking.group_id !== null ? [marking.group_id] : [],
    },
    marking,
  );
}
