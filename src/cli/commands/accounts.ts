import { userInfo } from 'node:os';
import { addUser, setPassword, toUser, updateUser } from '../../core/accounts/account.service';
import { ensureFirstAdmin } from '../../core/accounts/bootstrap';
import { isRole } from '../../core/accounts/role';
import { randomSecret } from '../../core/accounts/secrets';
import { findUserByUsername, listUserRows } from '../../core/accounts/user.repository';
import { anonymousViewer, type Viewer } from '../../core/accounts/viewer';
import type { Actor } from '../../core/audit/audit.service';
import type { Config } from '../../core/config';
import type { Db } from '../../core/db/database';
import { AppError, invalid, notFound } from '../../core/errors';
import { withConnection } from '../context';

/** Whoever runs the command on the server: audited as cli:<system user>. */
export const cliActor = (): Actor => ({
  userId: null,
  username: `cli:${userInfo().username}`,
  nationCode: null,
  via: 'cli',
});
const cliViewer = (): Viewer => ({
  ...anonymousViewer,
  username: cliActor().username,
  via: 'cli',
  scope: 'write',
});

async function readPassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: randomSecret(18), generated: true };
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!password) throw invalid('stdin', 'no password was given on standard input');
  return { password, generated: false };
}

async function requireUser(db: Db, username: string) {
  const row = await findUserByUsername(db, username.toLowerCase());
  if (!row) throw notFound(`User ${username}`);
  return row;
}

/** Prints the first admin's credentials once, when the first start has just created it. */
export async function runEnsureFirstAdmin(config: Config): Promise<void> {
  await withConnection(config, async ({ db }) => {
    const created = await db.transaction().execute((trx) =>
      ensureFirstAdmin(trx, {
        username: config.RAMSTEIN_ADMIN_USERNAME,
        password: config.RAMSTEIN_ADMIN_PASSWORD,
        nation: config.RAMSTEIN_ADMIN_NATION,
      }),
    );
    if (!created) return;
    const password = created.password ?? '(the one in RAMSTEIN_ADMIN_PASSWORD)';
    process.stdout.write(
      `\n  First start: created the admin account (nation ${created.nation}).\n` +
        `    user name: ${created.username}\n    password:  ${password}\n` +
        `  This is shown once. Sign in and change it on the account page.\n\n`,
    );
  });
}

export async function runUserAdd(
  config: Config,
  username: string,
  options: {
    nation: string;
    role: string[];
    name?: string;
    email?: string;
    passwordStdin?: boolean;
  },
): Promise<void> {
  const roles = options.role.map((r) => {
    if (!isRole(r))
      throw invalid(
        '--role',
        `${r} is not a role (admin, secretariat, coordinator, recipient, viewer)`,
      );
    return r;
  });
  const { password, generated } = await readPassword(options.passwordStdin ?? false);
  await withConnection(config, async ({ db }) => {
    const user = await db.transaction().execute((trx) =>
      addUser(trx, cliActor(), {
        username: username.toLowerCase(),
        displayName: options.name ?? username,
        nation: options.nation.toUpperCase(),
        roles,
        password,
        ...(options.email ? { email: options.email } : {}),
      }),
    );
    process.stdout.write(
      `Created ${user.username} (${user.nation.code}; ${user.roles.join(', ')}).\n`,
    );
    if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
  });
}

export async function runUserPasswd(
  config: Config,
  username: string,
  options: { passwordStdin?: boolean },
): Promise<void> {
  const { password, generated } = await readPassword(options.passwordStdin ?? false);
  await withConnection(config, async ({ db }) => {
    await db
      .transaction()
      .execute(async (trx) =>
        setPassword(trx, cliActor(), await requireUser(trx, username), password, new Date()),
      );
    process.stdout.write(
      `Password of ${username.toLowerCase()} changed; its sessions have ended.\n`,
    );
    if (generated) process.stdout.write(`New password (shown once): ${password}\n`);
  });
}

export async function runUserDisable(
  config: Config,
  username: string,
  disabled: boolean,
): Promise<void> {
  await withConnection(config, async ({ db }) => {
    await db.transaction().execute(async (trx) => {
      const row = await requireUser(trx, username);
      await updateUser(trx, cliViewer(), row.id, { version: row.version, disabled });
    });
    process.stdout.write(
      `${username.toLowerCase()} ${disabled ? 'disabled; its sessions have ended' : 'enabled'}.\n`,
    );
  });
}

export async function runUserList(config: Config): Promise<void> {
  await withConnection(config, async ({ db }) => {
    const users = (await listUserRows(db)).map(toUser);
    if (users.length === 0)
      throw new AppError('not_found', 'No accounts yet: `ramstein start` creates the first admin');
    const rows = users.map((u) => [
      u.username,
      u.nation.code,
      u.roles.join(','),
      u.disabled ? 'disabled' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'active',
      u.lastSignInAt ?? 'never',
    ]);
    const widths = [0, 1, 2, 3].map((i) =>
      Math.max(
        ...rows.map((r) => r[i]?.length ?? 0),
        ['user', 'nation', 'roles', 'state'][i]?.length ?? 0,
      ),
    );
    const line = (r: string[]) =>
      r.map((c, i) => (i < 4 ? c.padEnd(widths[i] ?? 0) : c)).join('  ');
    process.stdout.write(
      `${line(['user', 'nation', 'roles', 'state', 'last sign-in'])}\n${rows.map(line).join('\n')}\n`,
    );
  });
}
