import type { Db } from '../db/database';
import { AppError, invalid, notFound } from '../errors';
import { newId } from '../ids';
import { findNation } from '../nations/nation.repository';
import { actorOf, type Actor, recordAudit } from '../audit/audit.service';
import type { ChangePassword, CreateUser, UpdateUser, User } from './account.schema';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { parseRoles, type Role, storeRoles } from './role';
import { deleteUserSessions } from './session.repository';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUserRows,
  updateUserRow,
  type UserRow,
} from './user.repository';
import { hasRole, type Viewer } from './viewer';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    nation: { code: row.nation_code, name: row.nation_name, alpha2: row.nation_alpha2 },
    roles: parseRoles(row.roles),
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
    signsInWith: [
      ...(row.password_hash === null ? [] : (['password'] as const)),
      ...(row.oidc_subject === null ? [] : (['oidc'] as const)),
    ],
    createdAt: row.created_at,
    version: row.version,
  };
}

/** What the audit trail keeps of an account: never its password hash or tokens. */
const auditView = (user: User) => ({
  username: user.username,
  displayName: user.displayName,
  nation: user.nation.code,
  roles: user.roles,
  disabled: user.disabled,
});

function requireAdmin(viewer: Viewer): void {
  if (viewer.via !== 'cli' && !hasRole(viewer, 'admin'))
    throw new AppError('forbidden', 'Only an admin may manage accounts');
}

/** The recipient role belongs to the recipient nation's planners only. */
async function checkRolesFitNation(
  db: Db,
  roles: readonly Role[],
  nationCode: string,
): Promise<void> {
  if (!roles.includes('recipient')) return;
  const recipientOf = await db
    .selectFrom('groups')
    .select('slug')
    .where('recipient_code', '=', nationCode)
    .executeTakeFirst();
  if (!recipientOf)
    throw invalid(
      'body.roles',
      `recipient is only for the recipient nation's planners, not ${nationCode}`,
    );
}

export async function listUsers(db: Db, viewer: Viewer): Promise<{ items: User[]; total: number }> {
  requireAdmin(viewer);
  const items = (await listUserRows(db)).map(toUser);
  return { items, total: items.length };
}

export async function getUser(db: Db, viewer: Viewer, id: string): Promise<User> {
  if (viewer.userId !== id) requireAdmin(viewer);
  const row = await findUserById(db, id);
  if (!row) throw notFound(`User ${id}`);
  return toUser(row);
}

export async function createUser(
  db: Db,
  viewer: Viewer,
  input: CreateUser,
  now: Date = new Date(),
): Promise<User> {
  requireAdmin(viewer);
  return addUser(db, actorOf(viewer), input, now);
}

/** Adds an account; used by admins, the CLI and the first start's bootstrap (all audited). */
export async function addUser(
  db: Db,
  actor: Actor,
  input: CreateUser,
  now: Date = new Date(),
): Promise<User> {
  if (!(await findNation(db, input.nation)))
    throw invalid('body.nation', `${input.nation} is not a known nation code`);
  if (await findUserByUsername(db, input.username)) {
    throw new AppError('conflict', `The user name ${input.username} is taken`, [
      { path: 'body.username', message: 'is taken' },
    ]);
  }
  await checkRolesFitNation(db, input.roles, input.nation);
  const problem = passwordProblem(input.password, {
    username: input.username,
    displayName: input.displayName,
  });
  if (problem) throw invalid('body.password', problem);
  const at = now.toISOString();
  const id = newId(now.getTime());
  await insertUser(db, {
    id,
    username: input.username,
    display_name: input.displayName,
    email: input.email ?? null,
    nation_code: input.nation,
    roles: storeRoles(input.roles),
    password_hash: await hashPassword(input.password),
    oidc_issuer: null,
    oidc_subject: null,
    disabled_at: null,
    failed_sign_ins: 0,
    locked_until: null,
    last_sign_in_at: null,
    password_changed_at: at,
    calendar_token_hash: null,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  const user = toUser((await findUserById(db, id)) as UserRow);
  await recordAudit(
    db,
    actor,
    { action: 'user.create', entity: 'user', entityId: id, after: auditView(user) },
    now,
  );
  return user;
}

/** Roles, name or disabled state. Disabling ends every session at once; tokens stop working with it. */
export async function updateUser(
  db: Db,
  viewer: Viewer,
  id: string,
  input: UpdateUser,
  now: Date = new Date(),
): Promise<User> {
  requireAdmin(viewer);
  const row = await findUserById(db, id);
  if (!row) throw notFound(`User ${id}`);
  if (row.version !== input.version) {
    throw new AppError(
      'conflict',
      `User ${row.username} has changed since version ${input.version}; reload and try again`,
      [
        {
          path: 'body.version',
          message: `is ${input.version}, the current version is ${row.version}`,
        },
      ],
    );
  }
  if (
    viewer.userId === id &&
    (input.disabled === true || (input.roles && !input.roles.includes('admin')))
  ) {
    throw invalid(
      input.disabled ? 'body.disabled' : 'body.roles',
      'an admin cannot disable or demote itself',
    );
  }
  if (input.roles) await checkRolesFitNation(db, input.roles, row.nation_code);
  const before = toUser(row);
  const at = now.toISOString();
  const changed = await updateUserRow(db, id, input.version, {
    ...(input.displayName === undefined ? {} : { display_name: input.displayName }),
    ...(input.roles === undefined ? {} : { roles: storeRoles(input.roles) }),
    ...(input.disabled === undefined
      ? {}
      : { disabled_at: input.disabled ? (row.disabled_at ?? at) : null }),
    ...(input.disabled === false ? { failed_sign_ins: 0, locked_until: null } : {}),
    updated_at: at,
  });
  if (!changed)
    throw new AppError('conflict', `User ${row.username} has just changed; reload and try again`);
  if (input.disabled === true) await deleteUserSessions(db, id);
  const after = toUser((await findUserById(db, id)) as UserRow);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    },
    now,
  );
  return after;
}

/** A user changes its own password: the current one first; every other session of the user ends. */
export async function changeOwnPassword(
  db: Db,
  viewer: Viewer,
  input: ChangePassword,
  currentSessionId: string | undefined,
  now: Date = new Date(),
): Promise<void> {
  if (viewer.userId === null) throw new AppError('unauthenticated', 'Sign in first');
  const row = await findUserById(db, viewer.userId);
  if (!row) throw notFound('User');
  if (
    row.password_hash === null ||
    !(await verifyPassword(row.password_hash, input.currentPassword))
  ) {
    throw invalid('body.currentPassword', 'is not your current password');
  }
  await setPassword(db, actorOf(viewer), row, input.newPassword, now, currentSessionId);
}

/** Sets a password (self-service or `ramstein user passwd`), ending the user's other sessions. */
export async function setPassword(
  db: Db,
  actor: Actor,
  row: UserRow,
  password: string,
  now: Date,
  keepSessionId?: string,
): Promise<void> {
  const problem = passwordProblem(password, {
    username: row.username,
    displayName: row.display_name,
  });
  if (problem) throw invalid('body.newPassword', problem);
  const at = now.toISOString();
  await updateUserRow(db, row.id, null, {
    password_hash: await hashPassword(password),
    password_changed_at: at,
    failed_sign_ins: 0,
    locked_until: null,
    updated_at: at,
  });
  await deleteUserSessions(db, row.id, keepSessionId);
  await recordAudit(
    db,
    actor,
    {
      action: 'user.password',
      entity: 'user',
      entityId: row.id,
      after: { username: row.username, password: 'changed' },
    },
    now,
  );
}
