import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEachConnection } from '../db/testing/test-database';
import { AppError } from '../errors';
import { seedReferenceData } from './seed';

/** A copy of the reference folder with one file's text changed by `edit`. */
function referenceCopyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-ref-'));
  cpSync('data/reference', dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describeOnEachConnection('reference data seed', (ctx) => {
  let counts: () => Promise<Record<string, number>>;
  beforeAll(() => {
    counts = async () => {
      const db = ctx().connection.db;
      const result: Record<string, number> = {};
      for (const table of [
        'nations',
        'groups',
        'memberships',
        'persons',
        'events',
        'meetings',
        'chair_terms',
        'meeting_events',
        'capability_areas',
        'coalitions',
        'coalition_nations',
      ] as const) {
        const row = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow();
        result[table] = Number(row.n);
      }
      return result;
    };
  });

  it('adds nothing on a second run and reports every row as kept', async () => {
    const before = await counts();
    const report = await seedReferenceData(ctx().connection.db, { dir: 'data/reference' });
    expect(Object.values(report.inserted).every((n) => n === 0)).toBe(true);
    expect(report.kept.meetings).toBe(33);
    expect(report.kept).toMatchObject({
      capability_areas: 12,
      coalitions: 8,
      coalition_nations: 17,
    });
    expect(await counts()).toEqual(before);
  });

  it('reports a bad row with file, line and reason, and writes nothing', async () => {
    const before = await counts();
    const dir = referenceCopyWith('udcg_meetings.csv', (text) =>
      text
        .replace('\n26,2025-02-12,held,', '\n26,2025-02-31,held,')
        .replace(
          ',USA,Lloyd J. Austin III,,,20th meeting',
          ',USX,Lloyd J. Austin III,,,20th meeting',
        ),
    );
    const events = referenceCopyWith('events_2025.csv', (text) =>
      text.replace('MSC_2025,', 'MSC_2025,,'),
    );
    await ctx().connection.db.deleteFrom('meeting_events').execute();
    const error = await seedReferenceData(ctx().connection.db, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const issues = (error as AppError).issues;
    expect(issues).toContainEqual({
      path: 'udcg_meetings.csv:28',
      message: 'date: must be a calendar date written YYYY-MM-DD',
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'udcg_meetings.csv:21',
        message: 'chair_nation_iso3: USX is not an ISO 3166-1 alpha-3 code',
      }),
    );
    // The links deleted above stay deleted: a failed load writes nothing at all.
    expect((await counts()).meeting_events).toBe(0);
    const eventError = await seedReferenceData(ctx().connection.db, { dir: events }).catch(
      (e: unknown) => e,
    );
    expect((eventError as AppError).issues[0]?.path).toMatch(/^events_2025\.csv:\d+$/);
    expect({ ...(await counts()), meeting_events: before.meeting_events }).toEqual(before);
    // And a good run puts back exactly what was missing.
    const report = await seedReferenceData(ctx().connection.db, { dir: 'data/reference' });
    expect(report.inserted.meeting_events).toBe(before.meeting_events);
  });

  it('reports an unmapped capability area and an unknown lead nation, and writes nothing', async () => {
    const before = await counts();
    const dir = referenceCopyWith('capability_coalitions.csv', (text) =>
      text
        .replace(',demining,LTU;ISL,', ',mine_clearance,LTU;ISL,')
        .replace(',maritime,GBR;NOR,', ',maritime,GBR;NOX,'),
    );
    await ctx().connection.db.deleteFrom('coalition_nations').execute();
    const error = (await seedReferenceData(ctx().connection.db, { dir }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.issues).toContainEqual({
      path: 'capability_coalitions.csv:5',
      message: 'capability_area: mine_clearance is not mapped to a capability area',
    });
    expect(error.issues).toContainEqual({
      path: 'capability_coalitions.csv:6',
      message: 'lead_nations_iso3.1: NOX is not an ISO 3166-1 alpha-3 code',
    });
    expect((await counts()).coalition_nations).toBe(0);
    const report = await seedReferenceData(ctx().connection.db, { dir: 'data/reference' });
    expect(report.inserted.coalition_nations).toBe(17);
    expect(await counts()).toEqual(before);
  });

  it('names a missing column', async () => {
    const dir = referenceCopyWith('udcg_participants.csv', (text) =>
      text.replace('first_seen_date', 'first_seen'),
    );
    const error = (await seedReferenceData(ctx().connection.db, { dir }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.issues).toContainEqual({
      path: 'udcg_participants.csv:1',
      message: 'missing column(s): first_seen_date',
    });
  });
});
