import type { Role } from './role';

/**
 * Who is asking: the user, its nation and roles, and the groups its nation takes part in today.
 * Built once per request; every access check and the markings filter read it.
 */
export interface Viewer {
  userId: string | null;
  username: string | null;
  nationCode: string | null;
  roles: readonly Role[];
  /** Groups in which the viewer's nation is a member or the recipient today (GROUP-marked rows). */
  groupIds: readonly string[];
  /** Groups whose chair or co-chair today is the viewer's nation: where `secretariat` is effective. */
  chairGroupIds: readonly string[];
  /** How the request was authenticated. */
  via: 'session' | 'token' | 'cli' | 'anonymous' | 'system';
  /** For a token: what it may do. */
  scope: 'read' | 'write';
}

export const anonymousViewer: Viewer = Object.freeze({
  userId: null,
  username: null,
  nationCode: null,
  roles: [],
  groupIds: [],
  chairGroupIds: [],
  via: 'anonymous',
  scope: 'read',
});

export const hasRole = (viewer: Viewer, role: Role): boolean => viewer.roles.includes(role);

/** The secretariat role counts only while the viewer's nation chairs or co-chairs that group. */
export const isSecretariatOf = (viewer: Viewer, groupId: string): boolean =>
  hasRole(viewer, 'secretariat') && viewer.chairGroupIds.includes(groupId);

export const canWrite = (viewer: Viewer): boolean =>
  viewer.userId !== null && viewer.scope === 'write';
