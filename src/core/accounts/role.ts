/**
 * What a user may do is the union of its roles, always within its nation. The role table in
 * docs/roles.md describes the same rules for people.
 */
export const roles = ['admin', 'secretariat', 'coordinator', 'recipient', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const isRole = (value: string): value is Role =>
  (roles as readonly string[]).includes(value);

/** Roles as stored: comma-separated, known roles only, in the canonical order. */
export const parseRoles = (stored: string): Role[] =>
  roles.filter((r) => stored.split(',').includes(r));
export const storeRoles = (list: readonly Role[]): string =>
  roles.filter((r) => list.includes(r)).join(',');
