import type { Db } from '../db/database';
import { requireGroup } from '../groups/group.service';
import { toSource } from '../source';
import { todayIso } from '../time';
import { termOn } from './chair-term';
import { listChairTermRows } from './chair-term.repository';
import type { Chair, ChairTerm } from './chair-term.schema';

/** The group's chair today and its whole history, oldest first. */
export async function getChair(db: Db, slug: string, now: Date = new Date()): Promise<Chair> {
  const group = await requireGroup(db, slug);
  const rows = await listChairTermRows(db, group.id);
  const history: ChairTerm[] = rows.map((row) => ({
    id: row.id,
    chair: { code: row.nation_code, name: row.chair_name, alpha2: row.chair_alpha2 },
    coChair:
      row.co_chair_code === null
        ? null
        : {
            code: row.co_chair_code,
            name: row.co_chair_name ?? row.co_chair_code,
            alpha2: row.co_chair_alpha2,
          },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    startsAtMeeting: row.starts_at_meeting,
    note: row.note,
    source: toSource(row),
  }));
  return { current: termOn(history, todayIso(now)), history };
}
