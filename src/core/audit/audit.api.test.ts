import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { addUser } from '../accounts/account.service';
import { describeOnEachDatabase, openTestDatabase } from '../db/testing/test-database';
import type { Connection } from '../db/connect';
import { recordAudit, systemActor, verifyAuditChain } from './audit.service';

const cli = (url: string) =>
  spawnSync(
    process.execPath,
    [join(process.cwd(), 'bin/ramstein.mjs'), '--database', url, 'audit', 'verify'],
    { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } },
  );

describeOnEachDatabase(
  'the audit chain',
  async (kind) => {
    const opened = await openTestDatabase(kind);
    return { value: { url: opened.url, connection: opened.connection }, close: opened.close };
  },
  (ctx: () => { url: string; connection: Connection }) => {
    const db = () => ctx().connection.db;

    beforeAll(async () => {
      await db()
        .transaction()
        .execute((trx) =>
          addUser(trx, systemActor, {
            username: 'auditor',
            displayName: 'Auditor',
            nation: 'GBR',
            roles: ['viewer'],
            password: 'a long test passphrase for the audit',
          }),
        );
      for (let i = 1; i <= 4; i += 1) {
        await db()
          .transaction()
          .execute((trx) =>
            recordAudit(trx, systemActor, {
              action: 'test.write',
              entity: 'test',
              entityId: `t${i}`,
              after: { n: i, password: 'hunter2' },
            }),
          );
      }
    });

    it('passes on a clean database, from the API service and from `ramstein audit verify`', async () => {
      expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: 6, firstBroken: null });
      const result = cli(ctx().url);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Audit chain intact: 6 entries checked/);
    });

    it('keeps secrets out of the entries', async () => {
      const rows = await db().selectFrom('audit_entries').select(['before', 'after']).execute();
      expect(JSON.stringify(rows)).not.toMatch(/hunter2|argon2/);
    });

    it('appends in one chain even when writers race', async () => {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          db()
            .transaction()
            .execute((trx) =>
              recordAudit(trx, systemActor, {
                action: 'test.race',
                entity: 'test',
                entityId: `r${i}`,
              }),
            ),
        ),
      );
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 14 });
    });

    it('fails and names the entry when one is edited in the database', async () => {
      const target = await db()
        .selectFrom('audit_entries')
        .select(['seq', 'id', 'after'])
        .where('entity_id', '=', 't2')
        .executeTakeFirstOrThrow();
      await db()
        .updateTable('audit_entries')
        .set({ after: '{"n":999}' })
        .where('seq', '=', target.seq)
        .execute();
      const result = await verifyAuditChain(db());
      expect(result).toMatchObject({
        ok: false,
        firstBroken: { seq: Number(target.seq), id: target.id },
      });
      const cliResult = cli(ctx().url);
      expect(cliResult.status).toBe(1);
      expect(cliResult.stderr).toContain(
        `Audit chain broken at entry ${Number(target.seq)} (id ${target.id})`,
      );
      await db()
        .updateTable('audit_entries')
        .set({ after: target.after })
        .where('seq', '=', target.seq)
        .execute();
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });

    it('fails and names the gap when an entry is deleted, and notices a cut-off tail', async () => {
      const target = await db()
        .selectFrom('audit_entries')
        .select(['seq'])
        .where('entity_id', '=', 't3')
        .executeTakeFirstOrThrow();
      const saved = await db()
        .selectFrom('audit_entries')
        .selectAll()
        .where('seq', '=', target.seq)
        .executeTakeFirstOrThrow();
      await db().deleteFrom('audit_entries').where('seq', '=', target.seq).execute();
      expect(await verifyAuditChain(db())).toMatchObject({
        ok: false,
        firstBroken: { seq: Number(target.seq), id: null },
      });
      expect(cli(ctx().url).stderr).toContain(`entry ${Number(target.seq)} is missing`);
      await db().insertInto('audit_entries').values(saved).execute();

      const last = await db()
        .selectFrom('audit_entries')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      await db().deleteFrom('audit_entries').where('seq', '=', last.seq).execute();
      const cut = await verifyAuditChain(db());
      expect(cut.ok).toBe(false);
      expect(cut.firstBroken?.reason).toMatch(/removed from the end/);
      await db().insertInto('audit_entries').values(last).execute();
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });
  },
);
